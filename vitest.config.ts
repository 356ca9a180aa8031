import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // *.test.tsx are component tests: each opens with `// @vitest-environment happy-dom`, so
    // only they get a DOM and the Node tests (kernels included) start as fast as before.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Kernel tests share one Dawn device per file; files run in parallel. Vitest's default is
    // cores − 1 workers, which on a 2-core machine is one: the runner itself is mostly idle, so
    // two workers there use both cores.
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
