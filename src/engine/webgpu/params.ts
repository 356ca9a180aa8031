// Kernel parameters by name. Each kernel wrapper declares the uniform struct it fills
// (`defineParams(family, 'Params', ['rows', 'cols', …])`) and passes its values as a named
// object; the packer writes them where the WGSL struct puts them, in the order and with the
// types of the struct's fields, parsed once from the shader source. A reordered or renamed
// WGSL field therefore cannot silently receive another field's value: the packer follows
// names, and params.test.ts checks that every declaration names exactly its struct's fields.
//
// Uniform layout: only scalar fields (u32, i32, f32) are supported, 4 bytes each and 4-byte
// aligned, so field i sits at byte 4·i (a vec or array field, with its 8/16-byte alignment,
// is refused when the struct is parsed). The struct must fit one uniform slot (SLOT_BYTES).
import { shaderSources, type ShaderFamily } from './shaderSources';
import { SLOT_BYTES } from './uniforms';

export type WgslScalar = 'u32' | 'i32' | 'f32';

export interface ParamField {
  name: string;
  type: WgslScalar;
}

const SCALARS: readonly string[] = ['u32', 'i32', 'f32'];

/**
 * The structs bound as `var<uniform>` in a WGSL source, by struct name, with their fields in
 * declaration order. Throws on a field that is not a u32, i32 or f32 scalar.
 */
export function uniformStructs(source: string): Map<string, ParamField[]> {
  const code = source.replace(/\/\/[^\n]*/g, ''); // line comments (WGSL has /* */ too, unused here)
  const bound = new Set([...code.matchAll(/var\s*<\s*uniform\s*>\s*\w+\s*:\s*(\w+)\s*;/g)].map((m) => m[1]));
  const out = new Map<string, ParamField[]>();
  for (const m of code.matchAll(/struct\s+(\w+)\s*\{([^}]*)\}/g)) {
    const [, name, body] = m;
    if (!bound.has(name)) continue;
    const fields = body
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
      .map((f) => {
        const fm = /^(?:@\w+(?:\([^)]*\))?\s+)*(\w+)\s*:\s*(.+)$/.exec(f);
        if (!fm) throw new Error(`uniform struct ${name}: cannot read field '${f}'`);
        const type = fm[2].trim();
        if (!SCALARS.includes(type)) {
          throw new Error(`uniform struct ${name}: field ${fm[1]} is ${type}; only u32, i32 and f32 fields are supported (params.ts)`);
        }
        return { name: fm[1], type: type as WgslScalar };
      });
    if (fields.length * 4 > SLOT_BYTES) throw new Error(`uniform struct ${name}: ${fields.length * 4} bytes exceed a ${SLOT_BYTES}-byte slot`);
    out.set(name, fields);
  }
  for (const name of bound) if (!out.has(name)) throw new Error(`uniform struct ${name}: bound as var<uniform> but not declared`);
  return out;
}

/** The values as the struct's bytes (one u32 word per field), placed by name. */
export function packParams(struct: string, fields: readonly ParamField[], values: Readonly<Record<string, number>>): Uint32Array {
  const words = new Uint32Array(fields.length);
  const i32 = new Int32Array(words.buffer);
  const f32 = new Float32Array(words.buffer);
  for (let w = 0; w < fields.length; w++) {
    const { name, type } = fields[w];
    const v = values[name];
    if (typeof v !== 'number') throw new Error(`${struct}: no value for field '${name}'`);
    if (type === 'u32') words[w] = v >>> 0;
    else if (type === 'i32') i32[w] = v | 0;
    else f32[w] = v;
  }
  const extra = Object.keys(values).filter((k) => !fields.some((f) => f.name === k));
  if (extra.length) throw new Error(`${struct}: no field named ${extra.map((k) => `'${k}'`).join(', ')}`);
  return words;
}

/** One kernel family's uniform struct, as a wrapper declares it. */
export interface ParamsDecl<K extends string = string> {
  readonly family: ShaderFamily;
  readonly struct: string;
  /** The field names the wrapper supplies (params.test.ts compares them with the WGSL). */
  readonly names: readonly K[];
  /** The struct's fields from the shader source (parsed on first use). */
  fields(): readonly ParamField[];
  /** The values as the struct's bytes. */
  pack(values: Readonly<Record<K, number>>): Uint32Array;
}

const parsed = new Map<ShaderFamily, Map<string, ParamField[]>>();

/** The uniform structs of one family's shader source, parsed once. */
export function familyStructs(family: ShaderFamily): Map<string, ParamField[]> {
  let s = parsed.get(family);
  if (!s) parsed.set(family, (s = uniformStructs(shaderSources[family].source)));
  return s;
}

/** Every declaration made so far (the wrappers make theirs when their module loads). */
export const declaredParams: ParamsDecl[] = [];

export function defineParams<const K extends string>(family: ShaderFamily, struct: string, names: readonly K[]): ParamsDecl<K> {
  let fields: ParamField[] | null = null;
  const decl: ParamsDecl<K> = {
    family,
    struct,
    names,
    fields() {
      if (!fields) {
        const f = familyStructs(family).get(struct);
        if (!f) throw new Error(`${family}: no uniform struct ${struct} in ${shaderSources[family].file}`);
        fields = f;
      }
      return fields;
    },
    pack: (values) => packParams(`${family}.${struct}`, decl.fields(), values),
  };
  declaredParams.push(decl as ParamsDecl);
  return decl;
}
