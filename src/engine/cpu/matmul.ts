// Batched matmul: C = alpha·op(A)·op(B) + bias (+ C). A (M, K) | (Ba, M, K), B (K, N) | (Bb, K, N);
// transA/transB mean the operand is stored the other way round. Every layout is brought to
// the kernel's A (M, K) · B (N, K)ᵀ form, transposing into reused scratch when needed.
// Where WebAssembly SIMD runs, a WebAssembly kernel does the work instead, reading every layout
// through strides: by default wasm/gemm.wat (float64 sums, the same numbers bit for bit), or,
// when a thread asks for 'fast' (the tab's training workers), wasm/gemm32.wat (float32 sums
// like the GPU's, ~2× faster, within float32 rounding of the reference).
import { EngineError, type Activation, type MatmulGroupOptions, type MatmulOptions, type Tensor } from '../backend';
import { activation, geluGrad } from './activation';
import { checkActivation, checkMatmul, checkMatmulGroup, need, type HeadLayout, type MatmulPlan } from './checks';
import type { CpuContext } from './context';
import { mergeHeads } from './heads';
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

/** True when the options go beyond C = alpha·op(A)·op(B) + bias (+ C). */
function fusedOptions(o: MatmulOptions): boolean {
  return !!(o.add || o.activationGrad || o.sumB || o.aHeads || o.bHeads || o.outHeads);
}

export function matmul(ctx: CpuContext, aIn: Tensor, bIn: Tensor, opts: MatmulOptions = {}): CpuTensor {
  const op = 'matmul';
  const a = need(op, 'a', aIn);
  const b = need(op, 'b', bIn);
  const biasT = opts.bias ? need(op, 'bias', opts.bias) : null;
  // batchA/batchB 0: a 2-D operand shared by every batch.
  const plan = checkMatmul(op, a, b, opts, biasT);
  if (fusedOptions(opts)) return fusedMatmul(ctx, a, b, biasT, opts, plan);
  const { m, k, n, batchA, batchB, batch, shape, transA, transB, alpha } = plan;
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

/** Offset of element (r, c) of a matrix with `cols` columns, in head layout when given. */
function at(r: number, c: number, cols: number, l: HeadLayout | null): number {
  if (!l) return r * cols + c;
  return (Math.floor(r / l.t) * l.h + Math.floor(c / l.dh)) * l.t * l.dh + (r % l.t) * l.dh + (c % l.dh);
}

/**
 * The options the kernel fuses, spelled out: head layouts gathered by mergeHeads, the plain
 * product, then per element act′(x)·v, + add, scattered to C's layout (+ C); and the column
 * sums of op(B).
 */
function fusedMatmul(ctx: CpuContext, a: CpuTensor, b: CpuTensor, bias: CpuTensor | null, opts: MatmulOptions, plan: MatmulPlan): CpuTensor {
  const op = 'matmul';
  const add = opts.add ? need(op, 'add', opts.add) : null;
  const gx = opts.activationGrad ? need(op, 'activationGrad.x', opts.activationGrad.x) : null;
  const sumB = opts.sumB ? need(op, 'sumB', opts.sumB) : null;
  const temps: CpuTensor[] = [];
  const plainOf = (t: CpuTensor, l: HeadLayout | null) => {
    if (!l) return t;
    const merged = mergeHeads(ctx, t, t.shape[0] / l.h, l.h);
    temps.push(merged);
    return merged;
  };
  const A = plainOf(a, plan.aHeads);
  const B = plainOf(b, plan.bHeads);
  const prod = matmul(ctx, A, B, { transA: plan.transA, transB: plan.transB, alpha: plan.alpha, bias: bias ?? undefined });
  temps.push(prod);
  const { m, n, k } = plan;
  const rows = (plan.batch || 1) * m;
  const inputs = [a, b, ...[bias, add, gx].filter((t): t is CpuTensor => t !== null)];
  const out = ctx.target(op, plan.shape, 'matmul', opts, inputs);
  const kind = opts.activationGrad?.kind;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < n; c++) {
      const to = at(r, c, n, plan.outHeads);
      let v = prod.f32[r * n + c];
      if (gx) v *= kind === 'relu' ? (gx.f32[to] > 0 ? 1 : 0) : geluGrad(gx.f32[to]);
      if (add) v += add.f32[to];
      out.data[to] = out.accumulate ? out.data[to] + v : v;
    }
  }
  if (sumB) {
    const s = ctx.target(op, [n], 'matmul.sumB', { out: sumB, accumulate: opts.accumulate }, inputs);
    const bd = B.f32;
    for (let c = 0; c < n; c++) {
      let acc = 0;
      for (let kk = 0; kk < k; kk++) acc += plan.transB ? bd[c * k + kk] : bd[kk * n + c];
      const v = plan.alpha * acc;
      s.data[c] = s.accumulate ? s.data[c] + v : v;
    }
    s.finish();
  }
  for (const t of temps) ctx.dispose(t);
  return out.finish();
}

/** G products, one after another (the GPU kernel's reference); reduce sums them into one. */
export function matmulGroup(ctx: CpuContext, aIn: readonly Tensor[], bIn: readonly Tensor[], opts: MatmulGroupOptions = {}): CpuTensor[] {
  const op = 'matmulGroup';
  const a = aIn.map((t, i) => need(op, `a[${i}]`, t));
  const b = bIn.map((t, i) => need(op, `b[${i}]`, t));
  opts.bias?.forEach((t, i) => need(op, `bias[${i}]`, t));
  opts.out?.forEach((t, i) => need(op, `out[${i}]`, t));
  opts.sumB?.forEach((t, i) => need(op, `sumB[${i}]`, t));
  if (opts.add) need(op, 'add', opts.add);
  const { groups } = checkMatmulGroup(op, a, b, opts);
  const pick = <T>(list: readonly T[], g: number) => list[list.length === 1 ? 0 : g];
  const one: MatmulOptions = { transA: opts.transA, transB: opts.transB, alpha: opts.alpha, aHeads: opts.aHeads, bHeads: opts.bHeads, outHeads: opts.outHeads };
  if (opts.reduce) {
    let sum: CpuTensor | null = null;
    for (let g = 0; g < groups; g++) {
      sum = sum
        ? matmul(ctx, pick(a, g), pick(b, g), { ...one, out: sum, accumulate: true })
        : matmul(ctx, pick(a, g), pick(b, g), { ...one, add: opts.add });
    }
    return [sum!];
  }
  return Array.from({ length: groups }, (_, g) =>
    matmul(ctx, pick(a, g), pick(b, g), {
      ...one,
      bias: opts.bias?.[g],
      out: opts.out?.[g],
      sumB: opts.sumB?.[g],
      accumulate: opts.accumulate,
    }),
  );
}

/** pre = alpha·op(A)·op(B) + bias, y = act(pre). */
export function matmulActivation(
  ctx: CpuContext,
  a: Tensor,
  b: Tensor,
  kind: Activation,
  opts: Pick<MatmulOptions, 'bias' | 'alpha' | 'transA' | 'transB'> = {},
): { pre: CpuTensor; y: CpuTensor } {
  checkActivation('matmulActivation', kind);
  const pre = matmul(ctx, a, b, { bias: opts.bias, alpha: opts.alpha, transA: opts.transA, transB: opts.transB });
  return { pre, y: activation(ctx, pre, kind) };
}
