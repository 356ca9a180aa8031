// Finite-difference checks of gradients on a backend whose forward runs on the device: the
// analytic gradient (what the backward kernels computed) against central differences of a
// scalar objective that re-runs the *same backend's* forward. In float32 a difference
// quotient is only good to about ε_f32·|f| / h, so instead of every element we check
//   - one random direction d over the whole tensor (entries in ±1): Σ g·d against
//     (f(x + h·d) − f(x − h·d)) / 2h — a wrong scale or sign anywhere shows up here;
//   - a handful of single elements: the largest |g|, random ones, and any the caller names
//     (e.g. a fully masked row, whose gradient must be exactly what the forward implies: 0).
import type { Backend, Tensor } from '../../backend';

export interface FdOptions {
  /** Step. Default 1e-2 (float32: smaller steps drown in rounding). */
  h?: number;
  /** Random single elements to check besides the largest |g|. Default 4. */
  entries?: number;
  /** Elements that must be checked too. */
  indices?: readonly number[];
  /** Pass when |analytic − numeric| ≤ atol + rtol·|numeric|. Defaults 2e-4 and 5e-3. */
  atol?: number;
  rtol?: number;
  /** The gradient is expected to be 0 everywhere (so skip the "not vacuous" check). */
  zero?: boolean;
  /** Source of the random direction and entries, in [0, 1). */
  rand: () => number;
}

export interface FdCheck {
  what: string;
  analytic: number;
  numeric: number;
}

/** Σ r⊙y in float64 for the tensor fn() returns (made in a scope and disposed after reading). */
export async function projected(be: Backend, fn: () => Tensor, r: ArrayLike<number>): Promise<number> {
  const y = be.scope(fn);
  const data = await be.read(y);
  be.dispose(y);
  if (data.length !== r.length) throw new Error(`projected: output has ${data.length} elements, projection ${r.length}`);
  let s = 0;
  for (let i = 0; i < data.length; i++) s += data[i] * r[i];
  return s;
}

/**
 * Check `grad` = ∂objective/∂x for the device tensor x: writes perturbed copies of x, awaits
 * the objective for each, restores x. Throws, listing every check that failed.
 */
export async function fdCheck(
  be: Backend,
  x: Tensor,
  grad: ArrayLike<number>,
  objective: () => Promise<number>,
  name: string,
  opts: FdOptions,
): Promise<FdCheck[]> {
  const h = opts.h ?? 1e-2;
  const atol = opts.atol ?? 2e-4;
  const rtol = opts.rtol ?? 5e-3;
  const base = Float32Array.from(await be.read(x));
  if (grad.length !== base.length) throw new Error(`${name}: gradient has ${grad.length} elements, tensor ${base.length}`);

  /** Objective difference along `dir` (a sparse map index → weight), and the step actually taken. */
  const difference = async (dir: Map<number, number>) => {
    const up = Float32Array.from(base);
    const down = Float32Array.from(base);
    for (const [i, w] of dir) {
      up[i] = base[i] + h * w;
      down[i] = base[i] - h * w;
    }
    be.write(x, up);
    const fUp = await objective();
    be.write(x, down);
    const fDown = await objective();
    be.write(x, base);
    // Σ g·(up − down) uses the float32-rounded steps, so rounding of x ± h·w does not bias it.
    let predicted = 0;
    for (const i of dir.keys()) predicted += grad[i] * (up[i] - down[i]);
    return { numeric: (fUp - fDown) / (2 * h), analytic: predicted / (2 * h) };
  };

  const checks: FdCheck[] = [];
  const dir = new Map<number, number>();
  for (let i = 0; i < base.length; i++) dir.set(i, opts.rand() * 2 - 1);
  checks.push({ what: 'random direction', ...(await difference(dir)) });

  let largest = 0;
  for (let i = 1; i < grad.length; i++) if (Math.abs(grad[i]) > Math.abs(grad[largest])) largest = i;
  const picks = new Set<number>([largest, ...(opts.indices ?? [])]);
  const want = picks.size + Math.min(opts.entries ?? 4, base.length - picks.size);
  while (picks.size < want) picks.add(Math.floor(opts.rand() * base.length));
  for (const i of picks) {
    checks.push({ what: `element ${i}`, ...(await difference(new Map([[i, 1]]))) });
  }

  const bad = checks.filter((c) => !(Math.abs(c.analytic - c.numeric) <= atol + rtol * Math.abs(c.numeric)));
  if (bad.length) {
    const lines = bad.map((c) => `${c.what}: analytic ${c.analytic.toPrecision(6)}, numeric ${c.numeric.toPrecision(6)}`);
    throw new Error(`${name}: ${bad.length} of ${checks.length} finite-difference checks fail (atol ${atol}, rtol ${rtol}, h ${h}):\n  ${lines.join('\n  ')}`);
  }
  if (!opts.zero) {
    const biggest = Math.max(...checks.map((c) => Math.abs(c.numeric)));
    if (biggest < 10 * atol) throw new Error(`${name}: vacuous check, the largest numeric derivative is ${biggest.toExponential(2)} (atol ${atol})`);
  }
  return checks;
}
