// A plain description of what one head's weights do on this sentence, derived from the numbers:
// the average weight on the query itself, the previous token, the next token and the single
// most-attended key. Display only; the model computes nothing here.

export interface HeadPattern {
  self: number;
  previous: number;
  /** null where the next token is never visible (the decoder's causal mask). */
  next: number | null;
  /** The key with the largest average weight, and that average. */
  topKey: number;
  topKeyWeight: number;
  /** The strongest of the above. */
  kind: 'self' | 'previous' | 'next' | 'key' | 'spread';
  strength: number;
}

/** Below this average weight no pattern is called dominant. */
export const DOMINANT = 0.4;

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/**
 * `nextVisible` false means a causal head: its first row can only attend to itself, a forced
 * choice that says nothing about the head, so that row is left out of the averages.
 */
export function headPattern(weights: readonly (readonly number[])[], nextVisible: boolean): HeadPattern {
  const n = weights.length;
  const first = nextVisible || n === 1 ? 0 : 1;
  const rows = weights.slice(first);
  const self = mean(rows.map((row, i) => row[i + first]));
  const previous = mean(weights.slice(1).map((row, i) => row[i]));
  const next = nextVisible && n > 1 ? mean(weights.slice(0, n - 1).map((row, i) => row[i + 1])) : null;
  const columns = weights[0].map((_, c) => mean(rows.map((row) => row[c])));
  const topKey = columns.indexOf(Math.max(...columns));
  const candidates: Array<[HeadPattern['kind'], number]> = [
    ['self', self],
    ['previous', previous],
    ['key', columns[topKey]],
  ];
  if (next !== null) candidates.push(['next', next]);
  const [kind, strength] = candidates.reduce((best, c) => (c[1] > best[1] ? c : best));
  return { self, previous, next, topKey, topKeyWeight: columns[topKey], kind: strength >= DOMINANT ? kind : 'spread', strength };
}
