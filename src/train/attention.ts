// Attention of the probe sentence while training: every layer and head of encoder
// self-attention, decoder self-attention and cross-attention, captured from one traced
// teacher-forced pass and kept as snapshots for the replay slider; plus attention entropy.
import type { Tensor } from '../engine/backend';
import { TraceRecorder, type Trace } from '../model/trace';
import type { ContextOptions, SourceInput, TargetInput, Transformer } from '../model/transformer';

export type AttentionBlock = 'enc-self' | 'dec-self' | 'cross';

/** One block of one layer: weights (H, rows, cols), rows = queries, cols = keys. */
export interface AttentionMap {
  block: AttentionBlock;
  layer: number;
  heads: number;
  rows: number;
  cols: number;
  data: Float32Array;
}

export interface AttentionSnapshot {
  step: number;
  /** Source tokens + <eos>: the keys of encoder self- and cross-attention. */
  srcTokens: string[];
  /** <bos> + target tokens: the queries of the decoder's attention. */
  tgtTokens: string[];
  /** Whether the decoder was fed the reference translation or the model's own output. */
  target: 'reference' | 'model';
  maps: AttentionMap[];
}

/** A sentence pair as the model reads it. */
export interface ProbeInput {
  srcIds: number[]; // (S) source ids + <eos>
  targetIds: number[]; // (T − 1) target ids, without <bos>/<eos>
}

const TRACE_NAME = /^(enc|dec)\.(\d+)\.(self|cross)\.weights$/;

/** Keeps only the attention weights of a traced pass (everything else is disposed by the scope). */
class AttentionRecorder extends TraceRecorder {
  override put(name: string, t: Tensor): void {
    if (TRACE_NAME.test(name)) super.put(name, t);
  }
}

/** One head of a map as rows of numbers (queries × keys), e.g. for the Heatmap's `values`. */
export function attentionMatrix(map: AttentionMap, head: number): number[][] {
  if (!Number.isInteger(head) || head < 0 || head >= map.heads) throw new Error(`attentionMatrix: head ${head} of ${map.heads} in ${map.block}.${map.layer}`);
  const out: number[][] = [];
  for (let r = 0; r < map.rows; r++) {
    const start = (head * map.rows + r) * map.cols;
    out.push(Array.from(map.data.subarray(start, start + map.cols)));
  }
  return out;
}

/** The attention maps a trace holds, in layer order: encoder self, decoder self, cross. */
export function attentionMaps(trace: Trace): AttentionMap[] {
  const maps: AttentionMap[] = [];
  for (const name of trace.names()) {
    const m = TRACE_NAME.exec(name);
    if (!m) continue;
    const { shape, data } = trace.get(name);
    const block: AttentionBlock = m[1] === 'enc' ? 'enc-self' : m[3] === 'self' ? 'dec-self' : 'cross';
    maps.push({ block, layer: Number(m[2]), heads: shape[0], rows: shape[1], cols: shape[2], data: Float32Array.from(data) });
  }
  const order: AttentionBlock[] = ['enc-self', 'dec-self', 'cross'];
  return maps.sort((a, b) => order.indexOf(a.block) - order.indexOf(b.block) || a.layer - b.layer);
}

/**
 * One traced teacher-forced pass over a batch, reading back only the attention weights.
 * Maps come out (B·H, rows, cols): `heads` counts B·H blocks.
 */
export async function captureBatchAttention(model: Transformer, batch: SourceInput & TargetInput, opts: ContextOptions = {}): Promise<AttentionMap[]> {
  const { be } = model;
  const recorder = new AttentionRecorder();
  const ctx = model.context({ ...opts, trace: recorder });
  be.scope((): Tensor[] => {
    model.forward(ctx, batch); // any family: its attention blocks are the ones it has
    return recorder.tensors();
  });
  return attentionMaps(await recorder.materialize(be));
}

/**
 * The probe's attention (B = 1). Everything is encoded before the first await, so called
 * between training steps it sees exactly the weights of that step.
 */
export function captureAttention(model: Transformer, probe: ProbeInput, bos: number, opts: ContextOptions = {}): Promise<AttentionMap[]> {
  const S = probe.srcIds.length;
  const tgtIn = Int32Array.from([bos, ...probe.targetIds]);
  const T = tgtIn.length;
  const input = { batch: 1, srcLen: S, srcIds: Int32Array.from(probe.srcIds), srcMask: new Float32Array(S).fill(1), tgtLen: T, tgtIn, tgtMask: new Float32Array(T).fill(1) };
  return captureBatchAttention(model, input, opts);
}

/**
 * Mean entropy (nats) of the attention rows: −Σ p ln p per query row, averaged over rows and
 * heads. Masked keys carry weight 0 and add nothing; all-zero rows (fully masked) are skipped.
 * Uniform attention over n keys gives ln n; one-hot attention gives 0. `validRows(block)`
 * limits the rows counted in each (rows, cols) block (padding in a batch).
 */
export function attentionEntropy(map: Pick<AttentionMap, 'heads' | 'rows' | 'cols' | 'data'>, validRows?: (block: number) => number): number {
  const { heads, rows, cols, data } = map;
  if (data.length !== heads * rows * cols) throw new Error(`attentionEntropy: ${data.length} values for (${heads}, ${rows}, ${cols})`);
  let total = 0;
  let counted = 0;
  for (let b = 0; b < heads; b++) {
    // Batched maps: query rows past a sentence's length are padding, not attention.
    const n = Math.min(rows, validRows ? validRows(b) : rows);
    for (let r = b * rows; r < b * rows + n; r++) {
      let h = 0;
      let mass = 0;
      for (let c = 0; c < cols; c++) {
        const p = data[r * cols + c];
        if (p > 0) {
          h -= p * Math.log(p);
          mass += p;
        }
      }
      if (mass > 0) {
        total += h;
        counted++;
      }
    }
  }
  return counted ? total / counted : 0;
}

/** Mean entropy over the maps of a snapshot or trace, optionally of one block kind. */
export function meanAttentionEntropy(source: { maps: readonly AttentionMap[] } | Trace, block?: AttentionBlock): number {
  const maps = 'maps' in source ? source.maps : attentionMaps(source);
  const chosen = maps.filter((m) => !block || m.block === block);
  if (!chosen.length) return 0;
  return chosen.reduce((a, m) => a + attentionEntropy(m), 0) / chosen.length;
}

/**
 * Snapshots for the replay slider, at most `capacity`: when full, every second one is dropped
 * (the first and the newest stay), so the list always spans the whole run.
 */
export class SnapshotHistory {
  private items: AttentionSnapshot[] = [];

  constructor(readonly capacity = 48) {
    if (!Number.isInteger(capacity) || capacity < 3) throw new RangeError(`SnapshotHistory: capacity must be an integer ≥ 3, got ${capacity}`);
  }

  get length(): number {
    return this.items.length;
  }

  list(): readonly AttentionSnapshot[] {
    return this.items;
  }

  latest(): AttentionSnapshot | null {
    return this.items[this.items.length - 1] ?? null;
  }

  add(s: AttentionSnapshot): void {
    // A snapshot for an earlier step than the newest (after a rollback) replaces the tail.
    this.truncateAfter(s.step - 1);
    this.items.push(s);
    if (this.items.length > this.capacity) {
      const last = this.items.length - 1;
      this.items = this.items.filter((_, i) => i % 2 === 0 || i === last);
    }
  }

  truncateAfter(step: number): void {
    while (this.items.length && this.items[this.items.length - 1].step > step) this.items.pop();
  }

  clear(): void {
    this.items = [];
  }

  replace(items: readonly AttentionSnapshot[]): void {
    this.items = items.slice(-this.capacity);
  }
}
