// Batched matmul: C = alpha·op(A)·op(B) + bias (+ C). A (M, K) | (Ba, M, K), B (K, N) | (Bb, K, N);
// transA/transB mean the operand is stored the other way round. Every layout is brought to
// the kernel's A (M, K) · B (N, K)ᵀ form, transposing into reused scratch when needed.
// Where WebAssembly SIMD runs, a WebAssembly kernel does the work instead, reading every layout
// through strides: by default wasm/gemm.wat (float64 sums, the same numbers bit for bit), or,
// when a thread asks for 'fast' (the tab's training workers), wasm/gemm32.wat (float32 sums
// like the GPU's, ~2× faster, within float32 rounding of the reference).
import { EngineError, type MatmulOptions, type Tensor } from '../backend';
import { checkMatmul, need } from './checks';
import type { CpuContext } from './context';
import { gemmNT } from './matmulKernel';
import type { CpuTensor } from './tensor';
import { gemmWasmBytes, loadWasmGemm, type WasmGemm, type WasmGemmKind } from './wasm/gemmWasm';

/**
 * Which matmul kernel runs on this thread:
 *   'auto'  WebAssembly SIMD, float64 sums (bit-identical to JS) where available, else JS;
 *   'fast'  WebAssembly SIMD, float32 sums where available, else as 'auto';
 *   'js' | 'wasm' | 'wasm-f32'  exactly that one ('wasm…' throw where they cannot run).
 */
export type MatmulKernelChoice = 'auto' | 'fast' | 'js' | 'wasm' | 'wasm-f32';

let choice: MatmulKernelChoice = 'auto';
/** Loaded modules; undefined: not tried yet, null: not available here. */
const wasm: Record<WasmGemmKind, WasmGemm | null | undefined> = { f64: undefined, f32: undefined };

/** Choose the kernel for this thread (the tab's training workers: 'fast'; tests, benchmarks). */
export function setMatmulKernel(c: MatmulKernelChoice): void {
  choice = c;
}

/** The kernel the next matmul on this thread uses. */
export function matmulKernel(): 'js' | 'wasm' | 'wasm-f32' {
  const k = wasmKernel();
  return k === null ? 'js' : k === wasm.f32 ? 'wasm-f32' : 'wasm';
}

function load(kind: WasmGemmKind): WasmGemm | null {
  if (wasm[kind] === undefined) wasm[kind] = loadWasmGemm(undefined, gemmWasmBytes(kind));
  return wasm[kind];
}

function wasmKernel(): WasmGemm | null {
  switch (choice) {
    case 'js':
      return null;
    case 'auto':
      return load('f64');
    case 'fast':
      return load('f32') ?? load('f64');
    case 'wasm':
    case 'wasm-f32': {
      const k = load(choice === 'wasm' ? 'f64' : 'f32');
      if (!k) throw new EngineError('matmul', `the WebAssembly SIMD kernel (${choice}) is not available here`);
      return k;
    }
  }
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
