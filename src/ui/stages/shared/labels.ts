// Token labels for heatmap axes, from a walkthrough result.
import type { WalkthroughResult } from '../../../store/walkthroughResult';

/** What the encoder reads: the tokens (unknown words as <unk>) and <eos>. */
export function sourceLabels(r: WalkthroughResult): string[] {
  const unknown = new Set(r.prepared.unknown);
  return [...r.prepared.tokens.map((t, i) => (unknown.has(i) ? '<unk>' : t)), '<eos>'];
}

/** What the decoder reads in the teacher-forced pass: <bos> and the model's own output. */
export function targetLabels(r: WalkthroughResult): string[] {
  return r.targetInput;
}

/**
 * What each decoder position predicts (one per position of targetLabels): the output tokens,
 * then <eos> — or, when decoding stopped at the length limit before producing it, the last
 * word it chose there (never fed back as an input).
 */
export function predictedLabels(r: WalkthroughResult): string[] {
  const last = r.translation.finished ? '<eos>' : (r.translation.steps[r.targetInput.length - 1]?.token ?? '…');
  return [...r.targetInput.slice(1), last];
}

/** 'd0', 'd1', … for feature dimensions. */
export function dimensionLabels(n: number, prefix = 'd'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}
