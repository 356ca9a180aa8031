// cross_entropy.wgsl's wrapper: fused softmax + cross-entropy with label smoothing, an ignore
// index and a normalizer. Vocabularies up to ROW_LIMIT run one invocation per row, larger
// ones one workgroup per row. Targets are checked on the host like the CPU twin's whenever the
// engine knows them (see embedding.ts); targets only the device knows count as ignored when
// out of range.
import { EngineError, shapeStr, type CrossEntropyOptions, type CrossEntropyResult, type Tensor } from '../../backend';
import { checkIds, grid, needFinite, needRank, outLabel } from '../checks';
import type { Engine } from '../context';

const ROW_LIMIT = 128;
const RWG = 128;

export function crossEntropy(e: Engine, logits: Tensor, targets: Tensor, opts: CrossEntropyOptions = {}): CrossEntropyResult {
  const op = 'crossEntropy';
  const L = e.need(op, 'logits', logits);
  const T = e.need(op, 'targets', targets, 'i32');
  needRank(op, 'logits', L, [2]);
  const [n, v] = L.shape;
  if (T.size !== n) throw new EngineError(op, `targets ${shapeStr(T.shape)} do not match logits ${shapeStr(L.shape)}`);
  const smoothing = opts.smoothing ?? 0;
  const ignore = opts.ignoreIndex ?? -1;
  const normalizer = opts.normalizer ?? 1;
  if (!(smoothing >= 0 && smoothing <= 1)) throw new EngineError(op, `smoothing must be in [0, 1], got ${smoothing}`);
  if (!Number.isInteger(ignore)) throw new EngineError(op, `ignoreIndex must be an integer, got ${ignore}`);
  needFinite(op, 'normalizer', normalizer);
  if (normalizer <= 0) throw new EngineError(op, `normalizer must be positive, got ${normalizer}`);
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
      uniforms: { u: [n, v], i: [ignore], f: [smoothing, normalizer] },
      tensors: [L, T, loss, dLogits],
      workgroups: wide ? grid(n) : grid(Math.ceil(n / 64)),
    });
  }
  return { loss, dLogits };
}
