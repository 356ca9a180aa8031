// The WebAssembly SIMD matmuls against the JS kernel on odd shapes, every layout, bias, alpha,
// accumulate and shared operands: gemm.wat gives the same bits, gemm32.wat (float32 sums) the
// same numbers within 1e-5 relative; the JS kernel where WebAssembly SIMD is missing; and the
// committed bytes are exactly what the committed .wat files compile to.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { generated, WASM_SOURCES } from '../../../../scripts/build-wasm.mjs';
import { assertClose } from '../../testing/compare';
import { makeRng, randomUniform } from '../../testing/random';
import { createCpuBackend } from '../index';
import { matmulKernel, setMatmulKernel } from '../matmul';
import type { CpuTensor } from '../tensor';
import { gemmWasmBytes, loadWasmGemm, type WasmApi } from './gemmWasm';

const be = createCpuBackend();

describe('WebAssembly SIMD matmul', () => {
  it.each([
    ['wasm', 'bit for bit'],
    ['wasm-f32', 'within 1e-5'],
  ] as const)('%s gives the JS kernel’s numbers %s (odd shapes, every layout, bias, alpha, accumulate)', (kernelUnderTest, _how) => {
    const rng = makeRng(7);
    const shapes = [
      // batchA, batchB, m, k, n
      [0, 0, 1, 1, 1],
      [0, 0, 9, 7, 6],
      [0, 0, 13, 48, 66],
      [3, 3, 11, 12, 9],
      [2, 0, 6, 5, 7],
      [0, 2, 7, 4, 5],
      [0, 0, 37, 19, 4],
      [4, 4, 4, 4, 4],
    ];
    let compared = 0;
    try {
      for (const [batchA, batchB, m, k, n] of shapes) {
        for (const transA of [false, true]) {
          for (const transB of [false, true]) {
            for (const [bias, accumulate, alpha] of [[false, false, 1], [true, false, 0.7], [true, true, -1.3], [false, true, 2]] as const) {
              const a = randomUniform(rng, Math.max(batchA, 1) * m * k, -2, 2);
              const b = randomUniform(rng, Math.max(batchB, 1) * k * n, -2, 2);
              const bi = randomUniform(rng, n, -1, 1);
              const c0 = randomUniform(rng, Math.max(batchA, batchB, 1) * m * n, -1, 1);
              const results = (['js', kernelUnderTest] as const).map((kernel) => {
                setMatmulKernel(kernel);
                expect(matmulKernel()).toBe(kernel);
                const lead = (x: number) => (x ? [x] : []);
                const ta = be.tensor([...lead(batchA), ...(transA ? [k, m] : [m, k])], a);
                const tb = be.tensor([...lead(batchB), ...(transB ? [n, k] : [k, n])], b);
                const out = be.tensor([...lead(Math.max(batchA, batchB)), m, n], c0);
                be.matmul(ta, tb, { transA, transB, alpha, bias: bias ? be.tensor([n], bi) : undefined, out, accumulate });
                return (out as CpuTensor).data as Float32Array;
              });
              if (kernelUnderTest === 'wasm') expect(results[1]).toEqual(results[0]);
              else assertClose(results[1], results[0], `${kernelUnderTest} ${batchA}·${batchB}·(${m}, ${k}, ${n}) ${transA}/${transB}`, { rtol: 1e-5 });
              compared++;
            }
          }
        }
      }
    } finally {
      setMatmulKernel('auto');
    }
    expect(compared).toBe(shapes.length * 16);
  });

  it('the reference (float64) kernel is the default; a thread that asks for speed gets float32', () => {
    expect(matmulKernel()).toBe('wasm');
    try {
      setMatmulKernel('fast');
      expect(matmulKernel()).toBe('wasm-f32');
    } finally {
      setMatmulKernel('auto');
    }
  });

  it('stays on the JS kernel where WebAssembly or its SIMD is missing, or compiling is refused', () => {
    const noSimd: WasmApi = { validate: () => false, Module: WebAssembly.Module, Instance: WebAssembly.Instance };
    expect(loadWasmGemm(noSimd)).toBeNull();
    expect(loadWasmGemm(noSimd, gemmWasmBytes('f32'))).toBeNull();
    expect(loadWasmGemm(null)).toBeNull();
    const refused: WasmApi = {
      validate: () => true,
      Module: class {
        constructor() {
          throw new Error('CompileError: refused by CSP');
        }
      } as unknown as WasmApi['Module'],
      Instance: WebAssembly.Instance,
    };
    expect(loadWasmGemm(refused)).toBeNull();
    // The modules validate here, and are small enough for a main-thread synchronous compile (4 KB).
    for (const kind of ['f64', 'f32'] as const) {
      expect(WebAssembly.validate(gemmWasmBytes(kind))).toBe(true);
      expect(gemmWasmBytes(kind).length).toBeLessThan(4096);
      expect(loadWasmGemm(undefined, gemmWasmBytes(kind))).not.toBeNull();
    }
  });

  it('without WebAssembly SIMD the engine’s matmul runs the JS kernel, with the same numbers', async () => {
    const rng = makeRng(3);
    const a = randomUniform(rng, 5 * 7);
    const b = randomUniform(rng, 7 * 6);
    const expected = (be.matmul(be.tensor([5, 7], a), be.tensor([7, 6], b)) as CpuTensor).data;
    vi.resetModules();
    vi.stubGlobal('WebAssembly', { ...WebAssembly, validate: () => false });
    try {
      const fresh = await import('../index');
      const { matmulKernel: kernelNow, setMatmulKernel: setNow } = await import('../matmul');
      expect(kernelNow()).toBe('js');
      setNow('fast');
      expect(kernelNow()).toBe('js');
      const other = fresh.createCpuBackend();
      expect((other.matmul(other.tensor([5, 7], a), other.tensor([7, 6], b)) as CpuTensor).data).toEqual(expected);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });

  it('the committed bytes are what the committed .wat compiles to (npm run build:wasm)', async () => {
    for (const source of WASM_SOURCES) {
      expect(readFileSync(source.out, 'utf8'), `${source.out} is stale: run npm run build:wasm`).toBe(await generated(source));
    }
  });
});
