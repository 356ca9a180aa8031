// Public entry of the CPU backend. Other layers import from here only.
import type { Backend } from '../backend';
import { CpuBackend } from './backend';

export function createCpuBackend(): Backend {
  return new CpuBackend();
}

export { CpuBackend } from './backend';
export { CpuTensor } from './tensor';
export { dropoutHash, dropoutUniform } from './dropout';
export { gelu, geluGrad } from './activation';
export { ARENA_ALIGN, arenaLayout } from './arena';
export { matmulKernel, setMatmulKernel, type MatmulKernelChoice } from './matmul';
