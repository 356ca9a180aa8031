// Token labels for heatmap axes, from a walkthrough result.
import type { WalkthroughResult } from '../../../store/walkthroughResult';

/**
 * What the encoder reads: the tokens (unknown words as <unk>) and <eos>. The decoder-only model
 * has no encoder: none.
 */
export function sourceLabels(r: WalkthroughResult): string[] {
  if (r.family === 'decoder') return [];
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
 * word it chose there (never fed back as an input). In the decoder-only model the prompt's
 * positions are labelled with the next prompt token (what the sequence holds there, not the
 * model's guess). The encoder-only model predicts a word at every input position: the MLM
 * head's most probable one.
 */
export function predictedLabels(r: WalkthroughResult): string[] {
  if (r.family === 'encoder') return r.fill?.argmax ?? [];
  const generated = r.targetInput.length - (r.promptLength ?? 1); // output tokens fed back
  const last = r.translation.finished ? '<eos>' : (r.translation.steps[generated]?.token ?? '…');
  return [...r.targetInput.slice(1), last];
}

/** 'd0', 'd1', … for feature dimensions. */
export function dimensionLabels(n: number, prefix = 'd'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}

/**
 * The position (in targetLabels) whose row the first decoding step computes: 0 (<bos>) for the
 * translator; the decoder-only model's <sep>, the prompt's last position, whose row predicts the
 * continuation's first token.
 */
export function firstStepPosition(r: Pick<WalkthroughResult, 'promptLength'>): number {
  return (r.promptLength ?? 1) - 1;
}
