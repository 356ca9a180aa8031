// scope(fn): everything created inside fn is disposed when it returns (or throws), except the
// tensors found in its return value (walking arrays, Maps, Sets and plain objects).
import type { Engine } from './context';
import { GpuTensor } from './tensor';

export function runScope<T>(e: Engine, fn: () => T): T {
  e.openScope();
  let result: T;
  try {
    result = fn();
  } catch (err) {
    e.closeScope(new Set());
    throw err;
  }
  e.closeScope(collectTensors(result));
  return result;
}

/** Every GpuTensor reachable from value through containers (cycles are fine). */
export function collectTensors(value: unknown): Set<GpuTensor> {
  const found = new Set<GpuTensor>();
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof GpuTensor) found.add(v);
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else if (v instanceof Set) for (const x of v) stack.push(x);
    else if (isPlainObject(v)) for (const x of Object.values(v)) stack.push(x);
  }
  return found;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
