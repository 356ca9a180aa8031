// Argument checks shared by the WebGPU ops. Each throws EngineError naming the op, the
// argument and its shape, so a bad call says what and where.
import type { Tensor } from '../backend';
export { checkIds, checkShape, lastDim, needDType, needFinite, needLive, needPositiveInt, needRank, needSameSize } from '../shared/checks';
export * from '../shared/opChecks';
export * from '../shared/memoryChecks';

/** Workgroup counts for `groups` workgroups, folded into 2-D past the 65535 limit. */
export function grid(groups: number): [number, number] {
  const x = Math.min(groups, 65535);
  return [x, Math.ceil(groups / x)];
}

/** A result label such as 'softmax.scores' (long input labels keep their tail). */
export function outLabel(op: string, input: Tensor): string {
  const l = input.label.length > 40 ? `…${input.label.slice(-39)}` : input.label;
  return `${op}.${l}`;
}
