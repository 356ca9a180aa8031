// The uniform packing follows the WGSL structs by name: every uniform struct in shaders/ is
// declared by exactly one wrapper with exactly its field names, and reordering a struct's
// fields moves the values with them. No GPU needed.
import { describe, expect, it } from 'vitest';
import './backend'; // loads every kernel wrapper, so every declaration is made
import { declaredParams, packParams, uniformStructs } from './params';
import { shaderSources, type ShaderFamily } from './shaderSources';

const words = (w: Uint32Array) => [...w];
const f32Bits = (x: number) => new Uint32Array(new Float32Array([x]).buffer)[0];

describe('kernel parameters follow the WGSL structs by name', () => {
  it('every uniform struct of every shader is declared once, with exactly its field names', () => {
    const inShaders: string[] = [];
    for (const family of Object.keys(shaderSources) as ShaderFamily[]) {
      for (const [struct, fields] of uniformStructs(shaderSources[family].source)) {
        inShaders.push(`${family}.${struct}`);
        const decls = declaredParams.filter((d) => d.family === family && d.struct === struct);
        expect(decls, `${family}.${struct} declarations`).toHaveLength(1);
        expect([...decls[0].names].sort(), `${family}.${struct}`).toEqual(fields.map((f) => f.name).sort());
      }
    }
    expect(declaredParams.map((d) => `${d.family}.${d.struct}`).sort()).toEqual(inShaders.sort());
    expect(inShaders.length).toBeGreaterThanOrEqual(16);
  });

  it('parses names and types in declaration order, comments and attributes aside', () => {
    const src = `
      // struct Old { x: u32 }
      struct Params {
        rows: u32, // the row count
        @align(4) offset: i32,
        scale: f32,
      }
      struct Unbound { a: vec4f }
      @group(0) @binding(0) var<uniform> p: Params;`;
    expect(uniformStructs(src)).toEqual(
      new Map([
        [
          'Params',
          [
            { name: 'rows', type: 'u32' },
            { name: 'offset', type: 'i32' },
            { name: 'scale', type: 'f32' },
          ],
        ],
      ]),
    );
  });

  it('refuses vec and array fields (their uniform alignment is not handled)', () => {
    const src = 'struct P { n: u32, v: vec4f }\n@group(0) @binding(0) var<uniform> p: P;';
    expect(() => uniformStructs(src)).toThrow(/field v is vec4f; only u32, i32 and f32/);
  });

  it('packs by name: swapping two fields in a copy of softmax.wgsl moves their values', () => {
    const source = shaderSources.softmax.source;
    const original = 'struct Params { rows: u32, cols: u32, tq: u32, heads: u32, flags: u32, offset: i32, scale: f32 }';
    expect(source).toContain(original);
    const swapped = source.replace(original, 'struct Params { cols: u32, rows: u32, tq: u32, heads: u32, flags: u32, scale: f32, offset: i32 }');
    const values = { rows: 7, cols: 11, tq: 1, heads: 1, flags: 3, offset: -2, scale: 0.5 };
    const a = packParams('Params', uniformStructs(source).get('Params')!, values);
    const b = packParams('Params', uniformStructs(swapped).get('Params')!, values);
    const neg2 = new Uint32Array(new Int32Array([-2]).buffer)[0];
    expect(words(a)).toEqual([7, 11, 1, 1, 3, neg2, f32Bits(0.5)]);
    expect(words(b)).toEqual([11, 7, 1, 1, 3, f32Bits(0.5), neg2]);
  });

  it('a missing or an extra name fails', () => {
    const fields = uniformStructs(shaderSources.activation.source).get('Params')!;
    expect(() => packParams('activation.Params', fields, {})).toThrow("activation.Params: no value for field 'n'");
    expect(() => packParams('activation.Params', fields, { n: 1, m: 2 })).toThrow("activation.Params: no field named 'm'");
  });
});
