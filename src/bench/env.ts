// What a benchmark front end hands the shared benchmark module: where it runs, the WebGPU
// device (null: none), TensorFlow.js as loaded there (null: no peers), a log and progress.
import type { GpuContext } from '../engine/webgpu/device';
import type { TfPeer } from './tfjsPeer';

export interface BenchProgress {
  done: number;
  total: number;
  /** What is being measured now (the page shows it under its progress bar). */
  label: string;
}

export interface BenchEnv {
  /** 'chromium': npm run bench:* (Playwright); 'node': the same in Node on Dawn; 'app': #/bench. */
  runner: 'chromium' | 'node' | 'app';
  gpu: GpuContext | null;
  tf: TfPeer | null;
  log(line: string): void;
  progress?(p: BenchProgress): void;
}

/** Yield to the event loop without the 4 ms clamp of nested timers (a page stays responsive). */
export function yieldNow(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
