// cross_entropy.wgsl's wrapper: fused softmax + cross-entropy with label smoothing, an ignore
// index and a normalizer. Vocabularies up to ROW_LIMIT run one invocation per row, larger
// ones one workgroup per row. Targets are checked on the host like the CPU twin's whenever the
// engine knows them (see embedding.ts); targets only the device knows count as ignored when
// out of range.
import type { CrossEntropyOptions, CrossEntropyResult, Tensor } from '../../backend';
import { checkCrossEntropy, checkIds, grid, outLabel } from '../checks';
import type { GpuExecutor } from '../context';
import { defineParams } from '../params';

const ROW_LIMIT = 128;
const RWG = 128;
const PARAMS = defineParams('cross_entropy', 'Params', ['rows', 'v', 'ignore', 'smoothing', 'normalizer']);

export function crossEntropy(e: GpuExecutor, logits: Tensor, targets: Tensor, opts: CrossEntropyOptions = {}): CrossEntropyResult {
  const op = 'crossEntropy';
  const L = e.need(op, 'logits', logits);
  const T = e.need(op, 'targets', targets, 'i32');
  const { rows: n, vocab: v, smoothing, ignore, normalizer } = checkCrossEntropy(op, L, T, opts);
  const known = e.hostIds(T);
  if (known) checkIds(op, 'targets', known, v, ignore);
  const loss = e.alloc([n], 'f32', outLabel('crossEntropy.loss', L));
  const dLogits = e.alloc([n, v], 'f32', outLabel('crossEntropy.dLogits', L));
  if (n && v) {
    const wide = v > ROW_LIMIT;
    e.run({
      family: 'cross_entropy',
      entry: wide ? 'xent_wg' : 'xent_rows',
      kernel: 'cross_entropy',
      label: loss.label,
      bindings: ['r', 'r', 'w', 'w'],
      constants: { RWG },
      uniforms: PARAMS.pack({ rows: n, v, ignore, smoothing, normalizer }),
      tensors: [L, T, loss, dLogits],
      workgroups: wide ? grid(n) : grid(Math.ceil(n / 64)),
    });
  }
  return { loss, dLogits };
}
