// Data-parallel training, the coordinator's side: one step of the whole batch computed by
// this thread and N − 1 helper workers. The batch is dealt into N shares (shares.ts); each
// helper gets the current weights and its share, this thread computes share 0 meanwhile, the
// helpers' gradients (normalised by the whole batch's token count) are added into the arena,
// and one clip + AdamW update follows — so the step equals the single-worker step up to the
// order of float32 additions. With dropout the shares draw their own masks (shareSeed).
// A helper that fails (error reply, worker error) is dropped: its share is computed here, and
// later steps go on without helpers. The coordinator never blocks: it awaits messages.
import type { Tensor } from '../engine/backend';
import type { Transformer } from '../model/transformer';
import { splitBatch, shareSeed, type ShareMessage, type ShareResult } from './shares';
import { applyUpdate, forwardBackward, type OptimizerSettings, type StepTickets, type TrainBatch } from './step';

/** A helper worker as the coordinator sees it (a Web Worker, a Node worker thread, a fake). */
export interface SharePort {
  post(msg: ShareMessage): void;
  /** Every reply, in job order; `null` when the worker itself failed. */
  listen(fn: (reply: ShareResult | null) => void): void;
  terminate(): void;
}

/** A Web Worker (or anything shaped like one) as a SharePort. */
export function workerSharePort(w: {
  postMessage(msg: unknown): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<ShareResult>) => void): void;
  addEventListener(type: 'error', fn: (e: Event) => void): void;
  terminate(): void;
}): SharePort {
  return {
    post: (msg) => w.postMessage(msg),
    listen: (fn) => {
      w.addEventListener('message', (e) => fn(e.data));
      w.addEventListener('error', (e) => {
        e.preventDefault?.();
        fn(null);
      });
    },
    terminate: () => w.terminate(),
  };
}

interface Helper {
  port: SharePort;
  /** Resolvers of the jobs sent and not answered yet, oldest first. */
  waiting: Array<(r: ShareResult | null) => void>;
  model: string | null;
}

export class DataParallel {
  private helpers: Helper[];
  private scratch: Tensor | null = null;
  private disposed = false;

  constructor(ports: readonly SharePort[]) {
    this.helpers = ports.map((port) => {
      const h: Helper = { port, waiting: [], model: null };
      port.listen((r) => {
        if (r === null) {
          // The worker is gone: fail what it holds, and every job after.
          for (const w of h.waiting.splice(0)) w(null);
          this.drop(h);
          return;
        }
        h.waiting.shift()?.(r);
      });
      return h;
    });
  }

  /** Threads that compute a step now, this one included. */
  get workers(): number {
    return this.helpers.length + 1;
  }

  /** One training step of `batch` over every worker; resolves once the update is applied. */
  async step(model: Transformer, batch: TrainBatch, opt: OptimizerSettings, padId: number, seed: number): Promise<StepTickets> {
    if (this.disposed) throw new Error('data parallel: used after dispose');
    const { be, arena } = model;
    const helpers = [...this.helpers];
    const shares = splitBatch(batch, helpers.length + 1);
    const normalizer = batch.nTokens;
    const params = shares.length > 1 ? ((await be.read(arena.params)) as Float32Array) : null;
    const key = JSON.stringify([model.config, model.vocab, model.variant]);
    const jobs = shares.slice(1).map((share, i) => {
      const h = helpers[i];
      if (h.model !== key) {
        h.port.post({ kind: 'init', config: model.config, vocab: model.vocab, variant: model.variant });
        h.model = key;
      }
      return this.ask(h, { kind: 'job', params: params!, batch: share, normalizer, labelSmoothing: opt.labelSmoothing, dropout: opt.dropout, padId, seed: shareSeed(seed, i + 1) });
    });
    // Share 0 here, while the helpers work. Loss sums are added up in a (1) tensor.
    const lossSum = be.tensor([1], null, 'f32', 'loss.sum');
    const addShare = (share: TrainBatch, s: number) =>
      be.scope(() => void be.add(lossSum, forwardBackward(model, share, opt, padId, shareSeed(seed, s), normalizer), { out: lossSum }));
    let tickets: StepTickets = { lossSum: null, gradSumSquares: null };
    try {
      be.fill(arena.grads, 0);
      addShare(shares[0], 0);
      const results = await Promise.all(jobs);
      if (this.disposed) throw new Error('data parallel: disposed during a step');
      const scratch = (this.scratch ??= be.tensor([arena.length], null, 'f32', 'share.grads'));
      be.scope(() => {
        results.forEach((r, i) => {
          if (r && 'grads' in r) {
            be.write(scratch, r.grads);
            be.add(arena.grads, scratch, { out: arena.grads });
            be.add(lossSum, be.tensor([1], [r.lossSum]), { out: lossSum });
          } else {
            // That helper failed: its share is computed here, and it gets no more jobs.
            this.drop(helpers[i]);
            addShare(shares[i + 1], i + 1);
          }
        });
        const gss = applyUpdate(model, opt);
        tickets = { lossSum: be.readback(lossSum, 'loss'), gradSumSquares: be.readback(gss, 'grad-norm') };
      });
    } finally {
      be.dispose(lossSum);
    }
    return tickets;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const h of this.helpers) {
      for (const w of h.waiting.splice(0)) w(null);
      h.port.terminate();
    }
    this.helpers = [];
  }

  private ask(h: Helper, job: ShareMessage): Promise<ShareResult | null> {
    if (!this.helpers.includes(h)) return Promise.resolve(null);
    return new Promise((resolve) => {
      h.waiting.push(resolve);
      h.port.post(job);
    });
  }

  private drop(h: Helper): void {
    const i = this.helpers.indexOf(h);
    if (i < 0) return;
    this.helpers.splice(i, 1);
    h.port.terminate();
  }
}
