// Backend agreement on one input: for every trace entry both backends recorded, the largest
// absolute difference and that difference relative to the CPU value's scale.
import { MASKED_VALUE } from '../../engine/backend';
import type { Trace } from '../../model/trace';
import type { BackendDiff } from '../../store/walkthroughResult';

/** Masked scores hold MASKED_VALUE on both backends; they would swamp the scale. */
const MASK_THRESHOLD = Math.abs(MASKED_VALUE) / 10;

export function entryDiff(a: ArrayLike<number>, b: ArrayLike<number>): BackendDiff {
  if (a.length !== b.length) throw new Error(`backend diff: lengths differ, ${a.length} vs ${b.length}`);
  let maxAbs = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (Number.isNaN(d)) return { maxAbs: NaN, maxRel: NaN }; // a broken kernel must not hide
    if (d > maxAbs) maxAbs = d;
    const m = Math.abs(b[i]);
    if (m < MASK_THRESHOLD && m > scale) scale = m;
  }
  return { maxAbs, maxRel: maxAbs / Math.max(scale, 1e-6) };
}

/** Differences for every name in both traces (shapes must agree). */
export function traceDiffs(gpu: Trace, cpu: Trace): Record<string, BackendDiff> {
  const out: Record<string, BackendDiff> = {};
  for (const name of gpu.names()) {
    if (!cpu.has(name)) continue;
    const a = gpu.get(name);
    const b = cpu.get(name);
    if (a.shape.join(',') !== b.shape.join(',')) {
      throw new Error(`backend diff: '${name}' has shape (${a.shape}) on one backend and (${b.shape}) on the other`);
    }
    out[name] = entryDiff(a.data, b.data);
  }
  return out;
}

/** The worst differences over some names (missing names are skipped); null when none match. */
export function worstDiff(
  byName: Record<string, BackendDiff>,
  names: readonly string[],
): (BackendDiff & { worstName: string; count: number }) | null {
  let out: (BackendDiff & { worstName: string; count: number }) | null = null;
  for (const name of names) {
    const d = byName[name];
    if (!d) continue;
    if (!out) out = { ...d, worstName: name, count: 0 };
    // NaN wins every comparison, so a broken entry is what gets reported.
    if (!Number.isNaN(out.maxAbs) && !(d.maxAbs <= out.maxAbs)) Object.assign(out, { maxAbs: d.maxAbs, worstName: name });
    if (!Number.isNaN(out.maxRel) && !(d.maxRel <= out.maxRel)) out.maxRel = d.maxRel;
    out.count += 1;
  }
  return out;
}
