// Number formatting for the views: one place, d3-format underneath (it writes the true minus
// sign “−”, U+2212, which reads better than a hyphen next to digits).
import { format } from 'd3-format';

const fixedCache = new Map<number, (n: number) => string>();

/** A value to a fixed number of decimals, e.g. digits 3 → "0.532", "−1.250". */
export function formatFixed(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return formatNonFinite(value);
  let f = fixedCache.get(digits);
  if (!f) {
    f = format(`.${Math.max(0, Math.min(20, Math.floor(digits)))}f`);
    fixedCache.set(digits, f);
  }
  const text = f(value);
  // "−0.000" says a sign the rounded number does not have.
  return /^−0\.?0*$/.test(text) ? text.slice(1) : text;
}

const shortSig = format('.3~r');
const shortExp = format('.2~e');

/**
 * A compact value for legends and axis ends: three significant digits, exponent notation only
 * for very large or very small magnitudes. 3.0512 → "3.05", −2.3119 → "−2.31", 0.000512 → "5.12e−4".
 */
export function formatShort(value: number): string {
  if (!Number.isFinite(value)) return formatNonFinite(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return shortExp(value).replace('e-', 'e−').replace('e+', 'e');
  return shortSig(value);
}

const percentCache = new Map<number, (n: number) => string>();

/** A proportion as a percentage: 0.8732 → "87.3%". */
export function formatPercent(proportion: number, digits = 1): string {
  if (!Number.isFinite(proportion)) return formatNonFinite(proportion);
  let f = percentCache.get(digits);
  if (!f) {
    f = format(`.${Math.max(0, Math.min(20, Math.floor(digits)))}%`);
    percentCache.set(digits, f);
  }
  return f(proportion);
}

/** A closed range as text, "−2.31 … 3.05" (the form the colour legends state). */
export function formatRange(range: readonly [number, number]): string {
  return `${formatShort(range[0])} … ${formatShort(range[1])}`;
}

function formatNonFinite(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? '∞' : '−∞';
}
