// Cosine similarity between recorded vectors (display arithmetic for the contextual-vectors view).

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** (R, C): cosine of row r of A with row c of B. */
export function cosineMatrix(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  return a.map((ra) => b.map((rb) => cosine(ra, rb)));
}

/** Index pairs (i < j) of equal labels: the same word at two positions. */
export function repeatedPairs(labels: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (labels[i] === labels[j]) out.push([i, j]);
  return out;
}
