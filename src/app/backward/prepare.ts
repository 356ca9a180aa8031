// A sentence pair → one training batch (B = 1), or the reason there is none. Unlike the forward
// walkthrough, nothing is cut or read as <unk>: a gradient is only worth showing for the pair
// the learner meant, so unknown words and over-long sentences are refused by name
// (src/train/pairGradients.ts, shared with `npm run grad`).
import { PairError, pairBatch, tokenizePair, type PairModelInfo, type PairSide } from '../../train/pairGradients';
import type { TrainBatch } from '../../train/step';
import type { BackwardLabels, BackwardProblem } from '../../store/backwardResult';

export type PairOutcome = { ok: true; batch: TrainBatch; labels: BackwardLabels; targetIds: number[] } | { ok: false; problem: BackwardProblem };

const SIDE: Record<PairSide, 'source' | 'target'> = { src: 'source', tgt: 'target' };

export function preparePair(text: string, target: string, info: PairModelInfo): PairOutcome {
  const tokens = tokenizePair(text, target);
  let batch: TrainBatch;
  try {
    batch = pairBatch(info, tokens.src, tokens.tgt);
  } catch (e) {
    if (!(e instanceof PairError)) throw e;
    const p = e.problem;
    const side = SIDE[p.side];
    if (p.code === 'empty') return { ok: false, problem: { kind: 'empty', side } };
    if (p.code === 'too-long') return { ok: false, problem: { kind: 'too-long', side, length: p.length, max: p.max } };
    return { ok: false, problem: { kind: 'unknown', side, words: p.words } };
  }
  const labels: BackwardLabels = {
    source: [...tokens.src, '<eos>'],
    targetInput: ['<bos>', ...tokens.tgt],
    targetOutput: [...tokens.tgt, '<eos>'],
  };
  return { ok: true, batch, labels, targetIds: Array.from(batch.tgtOut) };
}
