// Colour scales for matrices and vectors, and the numbers their legends state.
// Sequential: viridis (perceptually uniform, dark → light). Diverging: red-blue centred on 0
// (blue negative, red positive), with a domain symmetric about 0 so white always means 0.
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import { ticks as niceTicks } from 'd3-array';

export type ScaleKind = 'sequential' | 'diverging';

export interface ColorScaleSpec {
  kind: ScaleKind;
  /** Fixed colour domain; without it the domain comes from the (unmasked, finite) values. */
  domain?: [number, number];
}

/** Fill for a cell whose value is not a number (NaN or ±∞ that is not masked). */
export const NON_FINITE_FILL = '#000000';

export function interpolatorFor(kind: ScaleKind): (t: number) => string {
  // RdBu runs red → blue; reversed so negative is blue and positive red.
  return kind === 'diverging' ? (t) => interpolateRdBu(1 - t) : interpolateViridis;
}

/**
 * Smallest and largest finite value among the cells that are not masked, or null when there is
 * none. Masked cells hold a large finite negative (MASKED_VALUE in src/engine/backend.ts): it
 * must never set the range.
 */
export function valueRange(
  values: readonly (readonly number[])[],
  masked?: (r: number, c: number) => boolean,
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      if (masked?.(r, c)) continue;
      const v = row[c];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * The colour domain: the given one, else the value range; diverging domains are made symmetric
 * about 0 (±max |v|) so that 0 sits on the neutral colour. Never empty: with no values it is
 * [0, 1] and a constant range stays as it is (colorScale paints it the middle colour).
 */
export function colorDomain(spec: ColorScaleSpec, range: [number, number] | null): [number, number] {
  if (spec.domain) return [spec.domain[0], spec.domain[1]];
  if (!range) return spec.kind === 'diverging' ? [-1, 1] : [0, 1];
  if (spec.kind === 'diverging') {
    const m = Math.max(Math.abs(range[0]), Math.abs(range[1]));
    return m === 0 ? [-1, 1] : [-m, m];
  }
  return range;
}

/** value → CSS colour; values outside the domain take the end colours. */
export function colorScale(kind: ScaleKind, domain: readonly [number, number]): (value: number) => string {
  const interpolate = interpolatorFor(kind);
  const [lo, hi] = domain;
  const span = hi - lo;
  return (value) => {
    if (!Number.isFinite(value)) return NON_FINITE_FILL;
    if (span === 0) return interpolate(0.5);
    const t = (value - lo) / span;
    return interpolate(t < 0 ? 0 : t > 1 ? 1 : t);
  };
}

/** Colour stops (offset 0…1, colour) for a legend gradient. */
export function gradientStops(kind: ScaleKind, count = 11): { offset: number; color: string }[] {
  const interpolate = interpolatorFor(kind);
  return Array.from({ length: count }, (_, i) => {
    const offset = i / (count - 1);
    return { offset, color: interpolate(offset) };
  });
}

/**
 * Tick values for a colour legend: both ends of the domain, 0 for a diverging scale, and a few
 * round values in between that keep clear of the ends (so the labels do not collide).
 */
export function legendTicks(kind: ScaleKind, domain: readonly [number, number], count = 3): number[] {
  const [lo, hi] = domain;
  if (!(hi > lo)) return [lo];
  const span = hi - lo;
  const clear = (v: number) => v - lo >= 0.2 * span && hi - v >= 0.2 * span;
  const inner = niceTicks(lo, hi, count).filter(clear);
  if (kind === 'diverging' && lo < 0 && hi > 0 && !inner.includes(0)) inner.push(0);
  const middle = inner.filter(clear).sort((a, b) => a - b);
  // Keep inner ticks at least 20% of the span apart from each other.
  const spaced: number[] = [];
  for (const v of middle) {
    if (spaced.length === 0 || v - spaced[spaced.length - 1] >= 0.2 * span) spaced.push(v);
    else if (v === 0) spaced[spaced.length - 1] = 0; // prefer 0 on a diverging scale
  }
  return [lo, ...spaced, hi];
}
