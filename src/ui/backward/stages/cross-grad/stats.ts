// Display arithmetic for the cross-grad panel: the size of a recorded gradient per source
// position — rows of ∂L/∂enc.out (S, D), and a cross block's dK or dV (H, S, Dh) over all heads.
import type { TracedTensor } from '../../../../model/trace';

/**
 * ‖x[·, s, ·]‖₂ per position s of an (H, S, Dh) tensor, or ‖x[s, ·]‖₂ of an (S, D) one.
 */
export function positionNorms(t: Pick<TracedTensor, 'shape' | 'data'>): number[] {
  const { shape, data } = t;
  const [H, S, W] = shape.length === 3 ? shape : [1, shape[0], shape[1]];
  const sums = new Array<number>(S).fill(0);
  for (let h = 0; h < H; h++)
    for (let s = 0; s < S; s++)
      for (let d = 0; d < W; d++) {
        const v = data[(h * S + s) * W + d];
        sums[s] += v * v;
      }
  return sums.map(Math.sqrt);
}
