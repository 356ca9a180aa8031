// scope(fn) on WebGPU: see shared/scope.ts.
import { runScope as run } from '../shared/scope';
import type { GpuExecutor } from './context';
import { GpuTensor } from './tensor';

const isGpuTensor = (v: unknown): v is GpuTensor => v instanceof GpuTensor;

export function runScope<T>(e: GpuExecutor, fn: () => T): T {
  return run(e, fn, isGpuTensor);
}
