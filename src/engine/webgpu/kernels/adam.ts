// adam.wgsl's wrapper: one AdamW step over the whole arena in one dispatch.
import { EngineError, type AdamOptions, type Arena } from '../../backend';
import { grid, needFinite } from '../checks';
import type { Engine } from '../context';
import { GpuArena } from '../arena';

export function adam(e: Engine, arena: Arena, opts: AdamOptions): void {
  const op = 'adam';
  if (!(arena instanceof GpuArena) || arena.owner !== e) throw new EngineError(op, 'arena was not created by this WebGPU backend');
  for (const k of ['lr', 'beta1', 'beta2', 'eps', 'weightDecay'] as const) needFinite(op, k, opts[k]);
  if (!Number.isInteger(opts.step) || opts.step < 1) throw new EngineError(op, `step must be an integer ≥ 1, got ${opts.step}`);
  const { beta1, beta2 } = opts;
  if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
    throw new EngineError(op, `betas must be in [0, 1), got ${beta1}, ${beta2}`);
  }
  const gss = opts.gradSumSquares ? e.need(op, 'gradSumSquares', opts.gradSumSquares) : null;
  if (gss && gss.size !== 1) throw new EngineError(op, `gradSumSquares must hold one value, got ${gss.size}`);
  const hasMax = opts.maxNorm !== undefined;
  if (hasMax && !gss) throw new EngineError(op, 'maxNorm needs gradSumSquares (the summed squares of the gradients)');
  if (hasMax && !(opts.maxNorm! > 0 && Number.isFinite(opts.maxNorm))) {
    throw new EngineError(op, `maxNorm must be > 0, got ${opts.maxNorm}`);
  }
  const params = e.need(op, 'arena.params', arena.params);
  const n = arena.length;
  if (!n) return;
  const bc1 = 1 - beta1 ** opts.step;
  const bc2 = 1 - beta2 ** opts.step;
  e.run({
    family: 'adam',
    entry: 'adam',
    kernel: 'adam',
    label: `adam.${params.label}`,
    bindings: ['w', 'r', 'w', 'w', 'r'],
    uniforms: {
      u: [n, (gss ? 1 : 0) | (hasMax ? 2 : 0)],
      f: [opts.lr, opts.beta1, opts.beta2, opts.eps, opts.weightDecay, bc1, bc2, opts.maxNorm ?? 0],
    },
    tensors: [params, arena.grads, arena.m, arena.v, gss],
    workgroups: grid(Math.ceil(n / 256)),
  });
}
