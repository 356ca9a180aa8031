// Micro-benchmark of the CPU matmul on the shipped model's shapes (B·T = 512 tokens, D = 64,
// F = 256, attention blocks of 16×16), every transpose combination. Prints GFLOP/s, best of
// several rounds of CPU time (the machine is shared, so wall time is noisy), for the JS kernel and the
// WebAssembly SIMD ones (float64 and float32 sums). Not a test:
//   npx tsx src/engine/cpu/matmul.bench.ts [js|wasm|wasm-f32]
import { createCpuBackend } from './index';
import { setMatmulKernel, type MatmulKernelChoice } from './matmul';

const be = createCpuBackend();
const shapes: Array<[string, number, number, number, number]> = [
  // name, batch (0 = 2-D), M, K, N
  ['x·Wq (512, 64)·(64, 64)', 0, 512, 64, 64],
  ['x·W1 (512, 64)·(64, 256)', 0, 512, 64, 256],
  ['h·W2 (512, 256)·(256, 64)', 0, 512, 256, 64],
  ['scores 128×(16, 16)·(16, 16)', 128, 16, 16, 16],
  // the Train view's default model (D = 48, F = 192, Dh = 12, batch 32: ~350 rows)
  ['x·Wq (352, 48)·(48, 48)', 0, 352, 48, 48],
  ['x·W1 (352, 48)·(48, 192)', 0, 352, 48, 192],
  ['h·W2 (352, 192)·(192, 48)', 0, 352, 192, 48],
  ['scores 128×(11, 12)·(12, 11)', 128, 11, 12, 11],
];
const kernels: MatmulKernelChoice[] = process.argv[2] ? [process.argv[2] as MatmulKernelChoice] : ['js', 'wasm', 'wasm-f32'];
const combos = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
] as const;

function random(n: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = Math.random() - 0.5;
  return a;
}

for (const kernel of kernels) for (const [name, batch, m, k, n] of shapes) {
  setMatmulKernel(kernel);
  for (const [transA, transB] of combos) {
    const lead = batch ? [batch] : [];
    const a = be.tensor([...lead, ...(transA ? [k, m] : [m, k])], random(Math.max(batch, 1) * m * k));
    const b = be.tensor([...lead, ...(transB ? [n, k] : [k, n])], random(Math.max(batch, 1) * k * n));
    const out = be.tensor([...lead, m, n]);
    const flops = 2 * Math.max(batch, 1) * m * k * n;
    const reps = Math.max(3, Math.round(2e8 / flops));
    let best = 0;
    for (let round = 0; round < 5; round++) {
      // CPU time of this process, not wall time: steadier on a shared machine.
      const t0 = process.cpuUsage();
      for (let r = 0; r < reps; r++) be.matmul(a, b, { transA, transB, out });
      const t = process.cpuUsage(t0);
      best = Math.max(best, (flops * reps) / (t.user + t.system) / 1e3);
    }
    const tag = `${transA ? 'T' : 'N'}${transB ? 'T' : 'N'}`;
    console.log(`${kernel.padEnd(8)} ${name.padEnd(32)} ${tag}  ${best.toFixed(2)} GFLOP/s`);
  }
}
