// activation.wgsl's wrapper: ReLU and GELU (tanh form), forward and backward.
import { EngineError, type Activation, type Tensor } from '../../backend';
import { grid, needSameSize, outLabel } from '../checks';
import type { Engine } from '../context';

const KIND: Record<Activation, number> = { relu: 0, gelu: 1 };

function kindOf(op: string, kind: Activation): number {
  const k = KIND[kind];
  if (k === undefined) throw new EngineError(op, `unknown activation '${String(kind)}' (relu or gelu)`);
  return k;
}

export function activation(e: Engine, x: Tensor, kind: Activation): Tensor {
  const op = 'activation';
  const X = e.need(op, 'x', x);
  const k = kindOf(op, kind);
  const y = e.alloc(X.shape, 'f32', outLabel(kind, X));
  if (y.size) {
    e.run({
      family: 'activation',
      entry: 'forward',
      kernel: `activation.${kind}`,
      label: y.label,
      bindings: ['r', 'w'],
      constants: { KIND: k },
      uniforms: { u: [y.size] },
      tensors: [X, y],
      workgroups: grid(Math.ceil(y.size / 256)),
    });
  }
  return y;
}

export function activationBackward(e: Engine, x: Tensor, dy: Tensor, kind: Activation): Tensor {
  const op = 'activationBackward';
  const X = e.need(op, 'x', x);
  const DY = e.need(op, 'dy', dy);
  needSameSize(op, X, 'x', DY, 'dy');
  const k = kindOf(op, kind);
  const dx = e.alloc(X.shape, 'f32', outLabel(`${kind}.backward`, X));
  if (dx.size) {
    e.run({
      family: 'activation',
      entry: 'backward',
      kernel: `activation.${kind}.backward`,
      label: dx.label,
      bindings: ['r', 'r', 'w'],
      constants: { KIND: k },
      uniforms: { u: [dx.size] },
      tensors: [X, DY, dx],
      workgroups: grid(Math.ceil(dx.size / 256)),
    });
  }
  return dx;
}
