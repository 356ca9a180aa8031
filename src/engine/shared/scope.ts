// scope(fn) for either backend: everything created inside fn is disposed when it returns (or
// throws), except the tensors found in its return value (walking arrays, Maps, Sets and plain
// objects).

export interface ScopeHost<T> {
  openScope(): void;
  /** Dispose what the innermost scope created, except `keep`. */
  closeScope(keep: Set<T>): void;
}

export function runScope<R, T>(host: ScopeHost<T>, fn: () => R, isTensor: (v: unknown) => v is T): R {
  host.openScope();
  let result: R;
  try {
    result = fn();
  } catch (err) {
    host.closeScope(new Set());
    throw err;
  }
  host.closeScope(collectTensors(result, isTensor));
  return result;
}

/** Every tensor reachable from value through containers (cycles are fine). */
export function collectTensors<T>(value: unknown, isTensor: (v: unknown) => v is T): Set<T> {
  const found = new Set<T>();
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (isTensor(v)) found.add(v);
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
