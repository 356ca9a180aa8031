// The benchmark page's run: idle → running (progress, what is measured) → done | cancelled |
// error, with the results kept for the tables and the export.
import { useCallback, useRef, useState } from 'react';
import type { GpuContext } from '../../engine/webgpu/device';
import { runBench, type BenchChoice, type BenchResults } from './runBench';

export type BenchRunState =
  | { status: 'idle' }
  | { status: 'running'; fraction: number; label: string }
  | { status: 'done'; seconds: number }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export function useBenchRun() {
  const [state, setState] = useState<BenchRunState>({ status: 'idle' });
  const [results, setResults] = useState<BenchResults>({ kernels: null, train: null });
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(async (choice: BenchChoice, query: URLSearchParams, gpu: GpuContext | null) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const t0 = performance.now();
    setResults({ kernels: null, train: null });
    setState({ status: 'running', fraction: 0, label: '' });
    try {
      const r = await runBench({ choice, query, gpu, signal: controller.signal, onProgress: (fraction, label) => setState({ status: 'running', fraction, label }) });
      if (abort.current !== controller) return;
      setResults(r);
      setState({ status: 'done', seconds: (performance.now() - t0) / 1000 });
    } catch (e) {
      if (abort.current !== controller) return;
      setState(controller.signal.aborted ? { status: 'cancelled' } : { status: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { state, results, start, cancel };
}
