// Lint rules, including the import directions of src/ (README.md, "Project layout"; each
// folder's CONTEXT.md says what it may import):
//   engine → model → train, and none of those three imports React, the store, viz or ui.
//   data, engine and i18n import nothing else from src/ but random (the seeded generators, which
//   import nothing from src/ and which every folder may import). viz receives data as props and
//   never imports the store or ui. study is pure TypeScript (no React, store or viz).
//   app (src/app, services the views call, between train/model and store/ui) may import store,
//   train, model, engine, data, study and i18n, never ui or viz. The store never imports ui, viz
//   or app. ui may import everything but cli; nothing imports ui but src/main.tsx. bench (the
//   benchmarks shared by bench/, Node and the #/bench page) may import the compute layers and
//   data, and only ui imports it.
//
// The rule `layers/imports` (below) checks every way a file names another: static imports and
// re-exports (`import … from`, `export … from`, type-only ones too), dynamic `import('…')` with a
// string, and `import('…')` types. It resolves relative paths against the importing file, so
// src/i18n/areas/viz.ts is i18n's own file, not src/viz. tests/eslint-layers.test.ts checks it.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), 'src');

/** Packages only the UI side uses (a trailing * is a prefix: d3-*). */
const UI_PACKAGES = ['react', 'react-dom', 'zustand', 'd3-*', 'katex'];

const packageMatches = (specifier, pattern) => {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
};

/**
 * Dependency-free modules inside a folder that every layer may import: the one bilingual-text
 * type and fill function, and the one language type, live in src/i18n but must not pull
 * i18next into the compute layers (`tests/eslint-layers.test.ts` checks they import nothing).
 */
const OPEN_MODULES = ['i18n/text', 'i18n/language'];

const srcPathOf = (filename, specifier) => relative(SRC, resolve(dirname(filename), specifier)).split(sep).join('/').replace(/\.(ts|tsx)$/, '');

/** The src/ folder a relative specifier lands in, from `filename`; null outside src/. */
const srcFolderOf = (filename, specifier) => {
  const rel = relative(SRC, resolve(dirname(filename), specifier));
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep)[0];
};

const layersPlugin = {
  rules: {
    imports: {
      meta: {
        type: 'problem',
        docs: { description: 'Imports between src/ folders run one way (README.md, "Project layout").' },
        schema: [
          {
            type: 'object',
            properties: {
              layer: { type: 'string' },
              folders: { type: 'array', items: { type: 'string' } },
              packages: { type: 'array', items: { type: 'string' } },
              why: { type: 'string' },
            },
            required: ['layer', 'folders'],
            additionalProperties: false,
          },
        ],
        messages: {
          folder:
            "src/{{layer}} may not import src/{{folder}} ('{{specifier}}'): imports run one way (README.md, \"Project layout\"; src/{{layer}}/CONTEXT.md).",
          package: "src/{{layer}} may not import '{{specifier}}': {{why}}",
        },
      },
      create(context) {
        const { layer, folders, packages = [], why = 'the compute layers stay free of UI libraries.' } = context.options[0];
        const check = (node) => {
          if (!node || typeof node.value !== 'string') return;
          const specifier = node.value;
          if (specifier.startsWith('.')) {
            const folder = srcFolderOf(context.filename, specifier);
            if (folder && folder !== layer && folders.includes(folder) && !OPEN_MODULES.includes(srcPathOf(context.filename, specifier))) {
              context.report({ node, messageId: 'folder', data: { layer, folder, specifier } });
            }
          } else if (packages.some((p) => packageMatches(specifier, p))) {
            context.report({ node, messageId: 'package', data: { layer, specifier, why } });
          }
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          // import('…') in code; a template literal without ${} counts as a string too.
          ImportExpression: (node) => {
            const s = node.source;
            if (s.type === 'Literal') check(s);
            else if (s.type === 'TemplateLiteral' && s.expressions.length === 0) check({ ...s, value: s.quasis[0].value.cooked });
          },
          // typeof import('…') and import('…').Name in types.
          // (typescript-eslint 8 has `source`; older versions `argument`, a TSLiteralType.)
          TSImportType: (node) => {
            const s = node.source ?? node.argument;
            check(s?.type === 'TSLiteralType' ? s.literal : s);
          },
        };
      },
    },
  },
};

/** The config block for one src/ folder: `folders` it may not import, `packages` it may not use. */
const layer = (name, folders, packages = UI_PACKAGES, severity = 'error', why = undefined) => ({
  files: [`src/${name}/**`],
  plugins: { layers: layersPlugin },
  rules: { 'layers/imports': [severity, { layer: name, folders, packages, ...(why ? { why } : {}) }] },
});

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'scratch', 'node_modules', 'bench/results', 'playwright-report', 'test-results', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Bottom: two leaves every layer may import (the seeded generators; IndexedDB shared by tabs),
  // then the compute layers and the pure data layer.
  layer('random', ['engine', 'model', 'train', 'data', 'study', 'app', 'store', 'ui', 'viz', 'i18n', 'cli', 'storage', 'bench']),
  layer('storage', ['engine', 'model', 'train', 'data', 'study', 'app', 'store', 'ui', 'viz', 'i18n', 'cli', 'random', 'bench']),
  layer('engine', ['model', 'train', 'data', 'study', 'app', 'store', 'ui', 'viz', 'i18n', 'cli', 'bench']),
  layer('data', ['engine', 'model', 'train', 'study', 'app', 'store', 'ui', 'viz', 'i18n', 'cli', 'bench']),
  layer('model', ['train', 'study', 'app', 'store', 'ui', 'viz', 'i18n', 'cli', 'bench']),
  layer('train', ['study', 'app', 'store', 'ui', 'viz', 'i18n', 'cli', 'bench']),
  layer('i18n', ['engine', 'model', 'train', 'data', 'study', 'app', 'store', 'ui', 'viz', 'cli', 'bench'], ['react-dom', 'zustand', 'd3-*', 'katex'], 'error', 'interface strings need i18next and react-i18next only.'),
  layer('study', ['app', 'store', 'ui', 'viz', 'cli', 'bench'], ['react', 'react-dom', 'zustand'], 'error', 'the study deck is pure TypeScript.'),
  layer('viz', ['engine', 'model', 'train', 'app', 'store', 'ui', 'cli', 'bench'], []),
  // The command line runs the compute layers on the CPU, without a UI.
  layer('cli', ['study', 'app', 'store', 'ui', 'viz', 'bench'], UI_PACKAGES, 'error', 'the command line has no UI.'),
  // Services the views call (src/app): no views, no React.
  layer('app', ['ui', 'viz', 'cli', 'bench'], ['react', 'react-dom', 'd3-*', 'katex'], 'error', 'services hold no views; ui renders them.'),
  // Benchmarks (src/bench): the compute layers and TensorFlow.js, measured; the views show them.
  layer('bench', ['study', 'app', 'store', 'ui', 'viz', 'cli', 'i18n', 'storage'], UI_PACKAGES, 'error', 'benchmarks are compute only; src/ui/bench shows them.'),
  // Top: the store (state only) and the views.
  layer('store', ['app', 'ui', 'viz', 'cli', 'bench'], []),
  layer('ui', ['cli'], []),
  {
    files: ['src/ui/**', 'src/viz/**', 'src/store/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
