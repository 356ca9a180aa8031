// activation.wgsl's wrapper: ReLU and GELU (tanh form), forward and backward.
import type { Activation, Tensor } from '../../backend';
import { checkActivation, checkActivationBackward, grid, outLabel } from '../checks';
import type { GpuExecutor } from '../context';
import { defineParams } from '../params';

const PARAMS = defineParams('activation', 'Params', ['n']);

export function activation(e: GpuExecutor, x: Tensor, kind: Activation): Tensor {
  const op = 'activation';
  const X = e.need(op, 'x', x);
  const k = checkActivation(op, kind); // the KIND constant: relu 0, gelu 1
  const y = e.alloc(X.shape, 'f32', outLabel(kind, X));
  if (y.size) {
    e.run({
      family: 'activation',
      entry: 'forward',
      kernel: `activation.${kind}`,
      label: y.label,
      bindings: ['r', 'w'],
      constants: { KIND: k },
      uniforms: PARAMS.pack({ n: y.size }),
      tensors: [X, y],
      workgroups: grid(Math.ceil(y.size / 256)),
    });
  }
  return y;
}

export function activationBackward(e: GpuExecutor, x: Tensor, dy: Tensor, kind: Activation): Tensor {
  const op = 'activationBackward';
  const X = e.need(op, 'x', x);
  const DY = e.need(op, 'dy', dy);
  const k = checkActivationBackward(op, X, DY, kind);
  const dx = e.alloc(X.shape, 'f32', outLabel(`${kind}.backward`, X));
  if (dx.size) {
    e.run({
      family: 'activation',
      entry: 'backward',
      kernel: `activation.${kind}.backward`,
      label: dx.label,
      bindings: ['r', 'r', 'w'],
      constants: { KIND: k },
      uniforms: PARAMS.pack({ n: dx.size }),
      tensors: [X, DY, dx],
      workgroups: grid(Math.ceil(dx.size / 256)),
    });
  }
  return dx;
}
