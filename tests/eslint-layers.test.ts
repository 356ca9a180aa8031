// eslint.config.js: the import directions between src/ folders hold for static and dynamic
// imports alike, and allowed imports pass. Lints made-up files through ESLint's Node API.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}eslint.config.js` });

/** The layers/imports messages for `code` as if it were the file at `path` (from the repo root). */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return result.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('import directions (layers/imports)', () => {
  it('a forbidden static import fails', async () => {
    const errors = await layerErrors('src/engine/probe.ts', "import { a } from '../store';\nexport { a };\n");
    expect(errors).toEqual([expect.stringContaining('src/engine may not import src/store')]);
  });

  it('a forbidden dynamic import fails', async () => {
    const errors = await layerErrors('src/model/probe.ts', "export const load = () => import('../train/step');\n");
    expect(errors).toEqual([expect.stringContaining('src/model may not import src/train')]);
  });

  it('allowed imports pass, static and dynamic', async () => {
    expect(await layerErrors('src/model/probe.ts', "import { a } from '../engine/backend';\nexport const b = () => import('../data/batch');\nexport { a };\n")).toEqual([]);
    expect(await layerErrors('src/ui/stages/probe.tsx', "import { a } from '../../store';\nexport const b = () => import('../../train/step');\nexport { a };\n")).toEqual([]);
  });

  it('re-exports, type-only imports, template-literal imports and import types count too', async () => {
    const code = [
      "export { x } from '../ui/App';",
      "import type { Y } from '../viz';",
      'export const z = () => import(`../store/index`);',
      "export type W = typeof import('../study/index') | Y;",
    ].join('\n');
    expect(await layerErrors('src/train/probe.ts', code)).toHaveLength(4);
  });

  it('resolves paths: a folder of its own named like a layer is not that layer', async () => {
    // src/i18n/areas/viz.ts is i18n's own file; ../viz from src/i18n is src/viz.
    expect(await layerErrors('src/i18n/en.ts', "import { v } from './areas/viz';\nexport { v };\n")).toEqual([]);
    expect(await layerErrors('src/i18n/en.ts', "import { v } from '../viz';\nexport { v };\n")).toEqual([expect.stringContaining('src/i18n may not import src/viz')]);
  });

  it('keeps UI libraries out of the compute layers, dynamic imports included', async () => {
    expect(await layerErrors('src/train/probe.ts', "export const r = () => import('react-dom/client');\n")).toEqual([expect.stringContaining("'react-dom/client'")]);
    expect(await layerErrors('src/engine/probe.ts', "import { scaleLinear } from 'd3-scale';\nexport { scaleLinear };\n")).toHaveLength(1);
  });

  it('ui, cli, store and the future src/app follow their rules', async () => {
    const cases: [string, string, number][] = [
      ['src/ui/probe.tsx', "export const t = () => import('../cli/translate');", 1],
      ['src/ui/probe.tsx', "import { s } from '../app/services';\nexport { s };", 0],
      ['src/cli/probe.ts', "import { s } from '../store';\nexport { s };", 1],
      ['src/cli/probe.ts', "import { t } from '../train/step';\nexport { t };", 0],
      ['src/store/probe.ts', "export const a = () => import('../app/services');", 1],
      ['src/store/probe.ts', "import { u } from '../ui/App';\nexport { u };", 1],
      ['src/app/probe.ts', "import { s } from '../store';\nimport { m } from '../model/config';\nimport { d } from '../study';\nexport { s, m, d };", 0],
      ['src/app/probe.ts', "export const v = () => import('../ui/App');", 1],
      ['src/app/probe.ts', "import { h } from '../viz';\nexport { h };", 1],
      ['src/app/probe.ts', "import { useState } from 'react';\nexport { useState };", 1],
    ];
    for (const [path, code, n] of cases) expect(await layerErrors(path, `${code}\n`), `${path}: ${code}`).toHaveLength(n);
  });

  it('src/random (the seeded generators) imports nothing from src/, and every folder may import it', async () => {
    expect(await layerErrors('src/random/probe.ts', "import { a } from '../engine/backend';\nexport { a };\n")).toEqual([expect.stringContaining('src/random may not import src/engine')]);
    for (const folder of ['engine', 'data', 'model', 'train', 'study', 'i18n']) {
      expect(await layerErrors(`src/${folder}/probe.ts`, "import { Rng } from '../random';\nexport { Rng };\n"), folder).toEqual([]);
    }
  });

  it('src/i18n/text and language (dependency-free) are open to every layer; the rest of src/i18n is not', async () => {
    for (const folder of ['engine', 'data', 'model', 'train']) {
      const open = "import type { Bilingual } from '../i18n/text';\nimport type { Language } from '../i18n/language';\nexport type X = [Bilingual, Language];\n";
      expect(await layerErrors(`src/${folder}/probe.ts`, open), folder).toEqual([]);
      const closed = "import { initI18n } from '../i18n';\nexport { initI18n };\n";
      expect(await layerErrors(`src/${folder}/probe.ts`, closed), folder).toEqual([expect.stringContaining(`src/${folder} may not import src/i18n`)]);
    }
  });

  it('the open modules import nothing but each other, so opening them pulls in no library', () => {
    for (const file of ['src/i18n/text.ts', 'src/i18n/language.ts']) {
      const imports = [...readFileSync(`${root}${file}`, 'utf8').matchAll(/^\s*import\b[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      expect(imports.every((i) => i === './text' || i === './language'), `${file}: ${imports.join(', ')}`).toBe(true);
    }
  });

  it('the benchmarks (src/bench) use the compute layers, and only ui uses them', async () => {
    expect(await layerErrors('src/bench/probe.ts', "import { t } from '../train/step';\nimport * as tf from '@tensorflow/tfjs-core';\nexport { t, tf };\n")).toEqual([]);
    expect(await layerErrors('src/bench/probe.ts', "export const s = () => import('../store');\n")).toEqual([expect.stringContaining('src/bench may not import src/store')]);
    expect(await layerErrors('src/ui/probe.tsx', "export const b = () => import('../bench/train');\n")).toEqual([]);
    expect(await layerErrors('src/train/probe.ts', "export const b = () => import('../bench/train');\n")).toEqual([expect.stringContaining('src/train may not import src/bench')]);
    expect(await layerErrors('src/app/probe.ts', "import { k } from '../bench/kernels';\nexport { k };\n")).toHaveLength(1);
  });
});
