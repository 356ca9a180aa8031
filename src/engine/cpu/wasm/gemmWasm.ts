// The host side of the WebAssembly SIMD matmuls: instantiates a module from the bytes built
// into the bundle (no fetch), copies the operands into its memory, runs it, and copies C back.
//   'f64' gemm.wat    (gemmBinary.ts):   the JS kernel's numbers bit for bit, so the engine may
//                                        use either at any time (the reference engine's choice);
//   'f32' gemm32.wat  (gemm32Binary.ts): float32 arithmetic like a GPU, ~2× faster, within
//                                        float32 rounding of the reference (the tab's training).
// Both take the same arguments. `loadWasmGemm` returns null where WebAssembly or its SIMD
// instructions are missing (then the engine stays on the JS kernel).
import { GEMM32_WASM_BASE64 } from './gemm32Binary';
import { GEMM_WASM_BASE64 } from './gemmBinary';

/** A batched C = alpha·A·B (+ bias) (+ C) with A and B given by element strides. */
export interface StridedGemm {
  batch: number;
  m: number;
  n: number;
  k: number;
  /** A(s, i, p) = a[s·aBatch + i·aRow + p·aCol]; aBatch 0 shares one A. */
  a: Float32Array;
  aBatch: number;
  aRow: number;
  aCol: number;
  /** B(s, p, j) = b[s·bBatch + p·bRow + j·bCol]; bBatch 0 shares one B. */
  b: Float32Array;
  bBatch: number;
  bRow: number;
  bCol: number;
  /** (batch, M, N) row-major. */
  c: Float32Array;
  alpha: number;
  bias: Float32Array | null;
  accumulate: boolean;
}

type GemmExport = (
  batch: number, m: number, n: number, k: number,
  a: number, aBatch: number, aRow: number, aCol: number,
  b: number, bBatch: number, bRow: number, bCol: number,
  c: number, alpha: number, bias: number, acc: number,
  packA: number, packB: number, tile: number,
) => void;

/** The part of the WebAssembly namespace used here (a stand-in in tests). */
export interface WasmApi {
  validate(bytes: BufferSource): boolean;
  Module: new (bytes: BufferSource) => WebAssembly.Module;
  Instance: new (module: WebAssembly.Module, imports?: WebAssembly.Imports) => WebAssembly.Instance;
}

const PAGE = 65536;
const TILE_BYTES = 128;
const align = (x: number) => (x + 15) & ~15;

export class WasmGemm {
  private readonly gemm: GemmExport;
  private readonly memory: WebAssembly.Memory;
  private f32: Float32Array;

  constructor(instance: WebAssembly.Instance) {
    this.gemm = instance.exports.gemm as GemmExport;
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.f32 = new Float32Array(this.memory.buffer);
  }

  run(g: StridedGemm): void {
    const { batch, m, n, k } = g;
    const aLen = g.a.length;
    const bLen = g.b.length;
    const cLen = batch * m * n;
    // Byte offsets: the tile first (offset 0 can then mean "no bias"), each region 16-aligned.
    const aAt = TILE_BYTES;
    const bAt = align(aAt + 4 * aLen);
    const cAt = align(bAt + 4 * bLen);
    const biasAt = align(cAt + 4 * cLen);
    const packA = align(biasAt + 4 * n);
    const packB = packA + 8 * ((m + 3) & ~3) * k;
    const end = packB + 8 * ((n + 3) & ~3) * k;
    if (end > this.memory.buffer.byteLength) {
      this.memory.grow(Math.ceil((end - this.memory.buffer.byteLength) / PAGE));
      this.f32 = new Float32Array(this.memory.buffer);
    }
    const f32 = this.f32;
    f32.set(g.a, aAt >> 2);
    f32.set(g.b, bAt >> 2);
    if (g.accumulate) f32.set(g.c.subarray(0, cLen), cAt >> 2);
    if (g.bias) f32.set(g.bias, biasAt >> 2);
    this.gemm(
      batch, m, n, k,
      aAt, g.aBatch, g.aRow, g.aCol,
      bAt, g.bBatch, g.bRow, g.bCol,
      cAt, g.alpha, g.bias ? biasAt : 0, g.accumulate ? 1 : 0,
      packA, packB, 0,
    );
    g.c.set(f32.subarray(cAt >> 2, (cAt >> 2) + cLen));
  }
}

export type WasmGemmKind = 'f64' | 'f32';

/** The bytes of gemm.wat ('f64') or gemm32.wat ('f32'). */
export function gemmWasmBytes(kind: WasmGemmKind = 'f64'): Uint8Array<ArrayBuffer> {
  const text = atob(kind === 'f64' ? GEMM_WASM_BASE64 : GEMM32_WASM_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * The WebAssembly kernel, or null where it cannot run: no WebAssembly, no SIMD (the module
 * does not validate), or compiling refused (a page whose CSP lacks 'wasm-unsafe-eval').
 * Synchronous: each module is under 2 KB, below the main thread's limit for synchronous compiles.
 */
export function loadWasmGemm(api: WasmApi | null = globalThis.WebAssembly ?? null, bytes = gemmWasmBytes()): WasmGemm | null {
  if (!api) return null;
  try {
    if (!api.validate(bytes)) return null;
    return new WasmGemm(new api.Instance(new api.Module(bytes), {}));
  } catch {
    return null;
  }
}
