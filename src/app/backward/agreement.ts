// When a gradient entry and its central difference "agree". The differences run on the CPU
// engine in float32 with h = 1e-2, so each loss carries rounding noise of about 1e-7 relative
// and the quotient about 1e-6 absolute: an entry agrees within 1e-2 relative, or within 1e-5
// absolute for entries so small that the noise dominates. A ReLU kink (or a max) within h of the
// probed point can make an honest gradient disagree with the difference quotient.
import type { ProbeResult } from '../../train/finiteDifference';

export const AGREE_REL = 1e-2;
export const AGREE_ABS = 1e-5;

export function agrees(p: Pick<ProbeResult, 'absError' | 'relError'>): boolean {
  return p.relError <= AGREE_REL || p.absError <= AGREE_ABS;
}

/** How many of the probed entries agree. */
export function agreement(probes: readonly ProbeResult[]): { agree: number; total: number } {
  return { agree: probes.filter(agrees).length, total: probes.length };
}
