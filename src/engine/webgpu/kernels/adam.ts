// adam.wgsl's wrapper: one AdamW step over the whole arena: adam_count advances the arena's
// step count t unless the step is skipped, then adam updates every element with 1 − β^t.
import { EngineError, type AdamOptions, type Arena } from '../../backend';
import { checkAdam, grid } from '../checks';
import type { GpuExecutor } from '../context';
import { defineParams } from '../params';

const PARAMS = defineParams('adam', 'Params', ['n', 'flags', 'lr', 'beta1', 'beta2', 'eps', 'wd', 'max_norm']);
import { GpuArena } from '../arena';

export function adam(e: GpuExecutor, arena: Arena, opts: AdamOptions): void {
  const op = 'adam';
  if (!(arena instanceof GpuArena) || arena.owner !== e) throw new EngineError(op, 'arena was not created by this WebGPU backend');
  const gss = opts.gradSumSquares ? e.need(op, 'gradSumSquares', opts.gradSumSquares) : null;
  checkAdam(op, opts, gss);
  const hasMax = opts.maxNorm !== undefined;
  const params = e.need(op, 'arena.params', arena.params);
  const step = e.need(op, 'arena.adamStep', arena.adamStep, 'i32');
  const n = arena.length;
  const uniforms = PARAMS.pack({
    n,
    flags: (gss ? 1 : 0) | (hasMax ? 2 : 0),
    lr: opts.lr,
    beta1: opts.beta1,
    beta2: opts.beta2,
    eps: opts.eps,
    wd: opts.weightDecay,
    max_norm: opts.maxNorm ?? 0,
  });
  e.run({
    family: 'adam',
    entry: 'adam_count',
    kernel: 'adam.count',
    label: `adam.count.${params.label}`,
    bindings: ['r', 'w'],
    uniforms,
    tensors: [gss, step],
    workgroups: [1, 1],
  });
  if (!n) return;
  e.run({
    family: 'adam',
    entry: 'adam',
    kernel: 'adam',
    label: `adam.${params.label}`,
    bindings: ['w', 'r', 'w', 'w', 'r', 'r'],
    uniforms,
    tensors: [params, arena.grads, arena.m, arena.v, gss, step],
    workgroups: grid(Math.ceil(n / 256)),
  });
}
