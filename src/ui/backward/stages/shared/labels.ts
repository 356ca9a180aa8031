// Axis labels of the training-step panels, from the pair's labels.
import type { BackwardLabels } from '../../../../store/backwardResult';

/** One label per decoder position: its index and the word it must predict ("0 猫", …, "4 <eos>"). */
export function positionLabels(labels: Pick<BackwardLabels, 'targetOutput'>): string[] {
  return labels.targetOutput.map((w, t) => `${t} ${w}`);
}
