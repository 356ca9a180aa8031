// The views gallery: every src/viz component on fixed data, outside the app, for looking at
// them (`npx vite --config bench/viz-gallery/vite.config.ts`) and for e2e/viz.spec.ts, which
// builds it with this config into a temporary folder.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // Keep Vite's dependency cache out of the app's.
  cacheDir: join(tmpdir(), 'attention-lab-viz-gallery-vite'),
  server: { host: '127.0.0.1', fs: { allow: [repo] } },
  build: { outDir: join(tmpdir(), 'attention-lab-viz-gallery'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  logLevel: 'warn',
});
