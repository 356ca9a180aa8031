// Lint rules, including the import direction of docs/design.md:
//   engine → model → train, and none of those three imports React, the store, viz or ui.
//   viz receives data as props and never imports the store or ui; the store never imports ui
//   or viz (src/store/CONTEXT.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiSide = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3-*', 'katex'];
const forbidden = (folders, packages = uiSide) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...folders.map((f) => ({
          group: [`**/${f}`, `**/${f}/*`, `**/${f}/**`],
          message: `This layer may not import src/${f} (see docs/design.md: imports run one way).`,
        })),
        ...(packages.length
          ? [{ group: packages, message: 'The compute layers stay free of UI libraries.' }]
          : []),
      ],
    },
  ],
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
  { files: ['src/engine/**'], rules: forbidden(['model', 'train', 'store', 'ui', 'viz', 'study', 'data', 'cli']) },
  { files: ['src/model/**'], rules: forbidden(['train', 'store', 'ui', 'viz', 'study', 'cli']) },
  { files: ['src/train/**'], rules: forbidden(['store', 'ui', 'viz', 'study', 'cli']) },
  { files: ['src/data/**'], rules: forbidden(['engine', 'model', 'train', 'store', 'ui', 'viz', 'study', 'cli']) },
  { files: ['src/viz/**'], rules: forbidden(['store', 'ui', 'engine', 'model', 'train'], []) },
  { files: ['src/study/**'], rules: forbidden(['store', 'ui', 'viz'], ['react', 'react-dom', 'zustand', 'zustand/*']) },
  { files: ['src/store/**'], rules: forbidden(['ui', 'viz'], []) },
  {
    files: ['src/ui/**', 'src/viz/**', 'src/store/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
