// Which rows of an embedding table a sentence touched, and the recorded numbers about them:
// per word its id and positions, the row's norm, how far the row is from scale · Σ ∂L/∂x over
// its positions, and how many rows are exactly zero. Summaries of recorded tensors only.
import type { ParameterView } from '../../../../app/walkthrough/parameters';
import type { ModelConfig } from '../../../../model/config';
import type { TracedTensor } from '../../../../model/trace';
import type { BackwardLabels } from '../../../../store/backwardResult';
import type { Side } from '../../../stages/types';

/** The names one side's embedding uses: its table, learned positions and the summed input x. */
export function embeddingNames(side: Side) {
  const p = side === 'enc' ? 'src' : 'tgt';
  return { table: `${p}_embed.weight`, positions: `${p}_pos.weight`, point: `${p}.x` };
}

/** The tokens a side looked up: the source with <eos>, or <bos> with the target. */
export function sideTokens(labels: BackwardLabels, side: Side): string[] {
  return side === 'enc' ? labels.source : labels.targetInput;
}

/** The factor the lookup multiplied rows by: √D, or 1 without embedScale. */
export function embeddingScale(config: Pick<ModelConfig, 'embedScale' | 'dModel'>): number {
  return config.embedScale ? Math.sqrt(config.dModel) : 1;
}

export interface WordRow {
  token: string;
  /** Row of the table (the token's id). */
  id: number;
  /** Positions (from 0) where the word stands. */
  positions: number[];
}

/** The distinct words of a side's input in order of first appearance, with their ids. */
export function wordRows(tokens: readonly string[], vocab: readonly string[]): WordRow[] {
  const index = new Map(vocab.map((t, i) => [t, i]));
  const rows = new Map<string, WordRow>();
  tokens.forEach((token, p) => {
    const id = index.get(token);
    if (id === undefined) throw new Error(`embedding-grad: '${token}' is not in the vocabulary`);
    const row = rows.get(token) ?? { token, id, positions: [] };
    row.positions.push(p);
    rows.set(token, row);
  });
  return [...rows.values()];
}

/** Row r of a (rows, D) array. */
export function row(data: ArrayLike<number>, r: number, D: number): number[] {
  return Array.from({ length: D }, (_, d) => data[r * D + d]);
}

export function norm(v: readonly number[]): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

/** How many rows of a (rows, D) gradient are zero in every entry. */
export function zeroRowCount(grad: ParameterView): number {
  const [rows, D] = grad.shape;
  let zero = 0;
  for (let r = 0; r < rows; r++) {
    let any = false;
    for (let d = 0; d < D && !any; d++) any = grad.data[r * D + d] !== 0;
    if (!any) zero++;
  }
  return zero;
}

/** max over d of |table grad row − scale · Σ_{p ∈ positions} (∂L/∂x)_p| for one word. */
export function rowDifference(grad: ParameterView, gradX: TracedTensor, id: number, positions: readonly number[], scale: number): number {
  const D = grad.shape[1];
  let worst = 0;
  for (let d = 0; d < D; d++) {
    let sum = 0;
    for (const p of positions) sum += gradX.data[p * D + d];
    worst = Math.max(worst, Math.abs(grad.data[id * D + d] - scale * sum));
  }
  return worst;
}
