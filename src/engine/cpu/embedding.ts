// Token embedding: gather table rows, scale, add positions; and its backward, a scatter-add
// done as a gather (tokens grouped by id, in token order) so sums are deterministic.
import type { EmbeddingOptions, Tensor } from '../backend';
import { checkEmbedding, checkEmbeddingBackward, checkIds, need } from './checks';
import type { CpuContext } from './context';
import type { CpuTensor } from './tensor';

/** ids (N) i32, table (V, D) → (N, D): table[id]·scale + positions[(n mod T) + offset]. */
export function embedding(ctx: CpuContext, idsIn: Tensor, tableIn: Tensor, opts: EmbeddingOptions): CpuTensor {
  const op = 'embedding';
  const ids = need(op, 'ids', idsIn, 'i32');
  const table = need(op, 'table', tableIn);
  const pt = opts.positions ? need(op, 'positions', opts.positions) : null;
  const { vocab, d, n, scale, seqLen, offset } = checkEmbedding(op, ids, table, opts, pt);
  const pos = pt ? pt.f32 : null;
  const idd = ids.i32;
  checkIds(op, 'ids', idd, vocab);
  const out = ctx.alloc([n, d], 'f32', 'embedding');
  const o = out.f32;
  const tb = table.f32;
  for (let t = 0; t < n; t++) {
    const src = idd[t] * d;
    const dst = t * d;
    if (pos) {
      const p = ((t % seqLen) + offset) * d;
      for (let e = 0; e < d; e++) o[dst + e] = tb[src + e] * scale + pos[p + e];
    } else {
      for (let e = 0; e < d; e++) o[dst + e] = tb[src + e] * scale;
    }
  }
  return out;
}

/** out (V, D) += scale · Σ_{n: ids[n] = v} dy[n], each row summed in float64 in token order. */
export function embeddingBackward(idsIn: Tensor, dyIn: Tensor, outIn: Tensor, scale = 1): void {
  const op = 'embeddingBackward';
  const ids = need(op, 'ids', idsIn, 'i32');
  const dy = need(op, 'dy', dyIn);
  const out = need(op, 'out', outIn);
  const { vocab, d, n } = checkEmbeddingBackward(op, ids, dy, out, scale);
  const idd = ids.i32;
  checkIds(op, 'ids', idd, vocab);
  // Counting sort of token indices by id; stable, so each group keeps token order.
  const start = new Int32Array(vocab + 1);
  for (let t = 0; t < n; t++) start[idd[t] + 1]++;
  for (let v = 0; v < vocab; v++) start[v + 1] += start[v];
  const next = start.slice(0, vocab);
  const order = new Int32Array(n);
  for (let t = 0; t < n; t++) order[next[idd[t]]++] = t;

  const g = dy.f32;
  const o = out.f32;
  const acc = new Float64Array(d);
  for (let v = 0; v < vocab; v++) {
    if (start[v] === start[v + 1]) continue;
    acc.fill(0);
    for (let k = start[v]; k < start[v + 1]; k++) {
      const src = order[k] * d;
      for (let e = 0; e < d; e++) acc[e] += g[src + e];
    }
    const dst = v * d;
    for (let e = 0; e < d; e++) o[dst + e] += scale * acc[e];
  }
}
