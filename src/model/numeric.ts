// Small host-side helpers over one row of numbers (decoding reads logits back to the host).

/** Softmax in float64 with the max subtracted, stored as float32. */
export function softmaxRow(x: ArrayLike<number>): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > max) max = x[i];
  let sum = 0;
  const e = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) sum += e[i] = Math.exp(x[i] - max);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = e[i] / sum;
  return out;
}

export function logSoftmaxRow(x: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > max) max = x[i];
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.exp(x[i] - max);
  const lse = max + Math.log(sum);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] - lse;
  return out;
}

export interface Ranked {
  index: number;
  value: number;
}

/** The k largest entries, largest first; ties go to the lower index. */
export function topK(x: ArrayLike<number>, k: number): Ranked[] {
  const idx = Array.from({ length: x.length }, (_, i) => i);
  idx.sort((a, b) => x[b] - x[a] || a - b);
  return idx.slice(0, Math.max(0, k)).map((index) => ({ index, value: x[index] }));
}
