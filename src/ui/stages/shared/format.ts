// Number formats the stage panels share.

/** A probability as 0.912 (three decimals). */
export function formatProb(p: number): string {
  return p.toFixed(3);
}

/** A small difference as 3.1e-7; exact zero as 0. */
export function formatSmall(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === 0) return '0';
  return x.toExponential(1);
}

/** A matrix entry with sign and fixed decimals: −0.412 uses a real minus sign. */
export function formatValue(x: number, digits = 3): string {
  return x.toFixed(digits).replace(/^-/, '−');
}

/** A millisecond duration: 0.066 ms, 12.4 ms. */
export function formatMs(ms: number): string {
  return ms < 1 ? ms.toFixed(3) : ms.toFixed(1);
}
