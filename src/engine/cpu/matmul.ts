// Batched matmul: C = alpha·op(A)·op(B) + bias (+ C). A (M, K) | (Ba, M, K), B (K, N) | (Bb, K, N);
// transA/transB mean the operand is stored the other way round. Every layout is brought to
// the kernel's A (M, K) · B (N, K)ᵀ form, transposing into reused scratch when needed.
// Where WebAssembly SIMD runs, the WebAssembly kernel (wasm/gemm.wat) does the work instead:
// it reads every layout through strides and gives the same numbers bit for bit.
import { EngineError, type MatmulOptions, type Tensor } from '../backend';
import { checkMatmul, need } from './checks';
import type { CpuContext } from './context';
import { gemmNT } from './matmulKernel';
import type { CpuTensor } from './tensor';
import { loadWasmGemm, type WasmGemm } from './wasm/gemmWasm';

/** Which matmul kernel runs: 'auto' is WebAssembly SIMD where available, else JS. */
export type MatmulKernelChoice = 'auto' | 'js' | 'wasm';

let choice: MatmulKernelChoice = 'auto';
/** undefined: not loaded yet; null: not available here. */
let wasm: WasmGemm | null | undefined;

/** Choose the kernel for this thread ('wasm' throws later where it cannot run). Tests, benchmarks. */
export function setMatmulKernel(c: MatmulKernelChoice): void {
  choice = c;
}

/** The kernel the next matmul on this thread uses. */
export function matmulKernel(): 'js' | 'wasm' {
  return wasmKernel() ? 'wasm' : 'js';
}

function wasmKernel(): WasmGemm | null {
  if (choice === 'js') return null;
  if (wasm === undefined) wasm = loadWasmGemm();
  if (!wasm && choice === 'wasm') throw new EngineError('matmul', 'the WebAssembly SIMD kernel is not available here');
  return wasm;
}

export function matmul(ctx: CpuContext, aIn: Tensor, bIn: Tensor, opts: MatmulOptions = {}): CpuTensor {
  const op = 'matmul';
  const a = need(op, 'a', aIn);
  const b = need(op, 'b', bIn);
  const biasT = opts.bias ? need(op, 'bias', opts.bias) : null;
  // batchA/batchB 0: a 2-D operand shared by every batch.
  const { m, k, n, batchA, batchB, batch, shape, transA, transB, alpha } = checkMatmul(op, a, b, opts, biasT);
  const bias = biasT ? biasT.f32 : null;

  const out = ctx.target(op, shape, 'matmul', opts, [a, b]);

  const ad = a.f32;
  const bd = b.f32;
  const fast = wasmKernel();
  if (fast) {
    fast.run({
      batch: Math.max(batch, 1),
      m,
      n,
      k,
      a: ad,
      aBatch: batchA ? m * k : 0,
      aRow: transA ? 1 : k,
      aCol: transA ? m : 1,
      b: bd,
      bBatch: batchB ? k * n : 0,
      bRow: transB ? 1 : n,
      bCol: transB ? k : 1,
      c: out.data,
      alpha,
      bias,
      accumulate: out.accumulate,
    });
    return out.finish();
  }
  // The kernel wants A as (M, K) rows (as stored unless transA) and B as (N, K) rows (as
  // stored only when transB). A shared 2-D operand is transposed once for all batches.
  const sharedA = transA && !batchA ? transpose(ad, 0, k, m, scratch(0, m * k)) : null;
  const sharedB = !transB && !batchB ? transpose(bd, 0, k, n, scratch(1, k * n)) : null;
  for (let s = 0; s < Math.max(batch, 1); s++) {
    const aBase = batchA ? s * m * k : 0;
    const bBase = batchB ? s * k * n : 0;
    const aRows = transA ? (sharedA ?? transpose(ad, aBase, k, m, scratch(0, m * k))) : ad;
    const bRows = transB ? bd : (sharedB ?? transpose(bd, bBase, k, n, scratch(1, k * n)));
    gemmNT({
      a: aRows,
      aOff: transA ? 0 : aBase,
      b: bRows,
      bOff: transB ? bBase : 0,
      c: out.data,
      cOff: s * m * n,
      m,
      n,
      k,
      alpha,
      bias,
      accumulate: out.accumulate,
    });
  }
  return out.finish();
}

/** src (rows, cols) at off → dst (cols, rows). */
function transpose(src: Float32Array, off: number, rows: number, cols: number, dst: Float32Array): Float32Array {
  for (let r = 0; r < rows; r++) {
    const from = off + r * cols;
    for (let c = 0; c < cols; c++) dst[c * rows + r] = src[from + c];
  }
  return dst;
}

// Two grow-only scratch buffers (for A and for B), reused by every call on this thread.
const scratchBuffers = [new Float32Array(0), new Float32Array(0)];

function scratch(which: 0 | 1, size: number): Float32Array {
  if (scratchBuffers[which].length < size) scratchBuffers[which] = new Float32Array(size);
  return scratchBuffers[which];
}
