// The softmax's backward on one head, read from the recorded step: the weights P, their
// gradient dP = ∂L/∂P and the score gradient dS = ∂L/∂S that the softmax kernel's backward
// produced, dS_ij = P_ij·(dP_ij − ḡ_i) with ḡ_i = Σ_k P_ik·dP_ik. Per query row: ḡ, the row
// sum of dS (0 up to rounding: adding a constant to a row of scores changes no weight) and the
// masked keys, where dS is exactly 0. Display arithmetic only; the kernel computed dS.
import { maskedCells } from '../../../stages/shared/attention';
import { attentionName, type AttentionBlock, type AttentionPart } from '../../../stages/shared/names';
import type { Side } from '../../../stages/types';
import type { Trace } from '../../../../model/trace';

/** 'grad:dec.1.self.scaled' */
export function attentionGradName(side: Side, layer: number, block: AttentionBlock, part: AttentionPart): string {
  return `grad:${attentionName(side, layer, block, part)}`;
}

export interface SoftmaxGradRow {
  /** ḡ_i = Σ_j P_ij·dP_ij: the weighted mean of ∂L/∂P that the softmax subtracts. */
  weightedMean: number;
  /** Σ_j dS_ij over the whole row (masked keys hold 0). */
  sum: number;
  /** Σ_j |dS_ij|: the size against which `sum` is ≈ 0. */
  absSum: number;
  /** How many keys this query may not see. */
  masked: number;
  /** max |dS_ij| over those keys (the kernels give exactly 0). */
  maskedMax: number;
}

export interface HeadSoftmax {
  p: number[][];
  dp: number[][];
  ds: number[][];
  masked: (r: number, c: number) => boolean;
  rows: SoftmaxGradRow[];
}

export function softmaxGradRows(p: number[][], dp: number[][], ds: number[][], masked: (r: number, c: number) => boolean): SoftmaxGradRow[] {
  return ds.map((row, i) => {
    let weightedMean = 0;
    let sum = 0;
    let absSum = 0;
    let count = 0;
    let maskedMax = 0;
    row.forEach((v, j) => {
      weightedMean += p[i][j] * dp[i][j];
      sum += v;
      absSum += Math.abs(v);
      if (masked(i, j)) {
        count++;
        maskedMax = Math.max(maskedMax, Math.abs(v));
      }
    });
    return { weightedMean, sum, absSum, masked: count, maskedMax };
  });
}

/** One head's P, dP, dS and the per-row summary, from the step's trace. */
export function headSoftmax(trace: Trace, side: Side, layer: number, block: AttentionBlock, head: number): HeadSoftmax {
  const p = trace.matrix(attentionName(side, layer, block, 'weights'), head);
  const dp = trace.matrix(attentionGradName(side, layer, block, 'weights'), head);
  const ds = trace.matrix(attentionGradName(side, layer, block, 'scaled'), head);
  const masked = maskedCells(trace, attentionName(side, layer, block, 'masked'), head);
  return { p, dp, ds, masked, rows: softmaxGradRows(p, dp, ds, masked) };
}
