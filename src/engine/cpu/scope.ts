// scope(fn) on the CPU: see shared/scope.ts.
import { runScope as run } from '../shared/scope';
import type { CpuContext } from './context';
import { CpuTensor } from './tensor';

const isCpuTensor = (v: unknown): v is CpuTensor => v instanceof CpuTensor;

export function runScope<T>(ctx: CpuContext, fn: () => T): T {
  return run(ctx, fn, isCpuTensor);
}
