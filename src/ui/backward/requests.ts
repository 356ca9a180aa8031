// Requests compared by value (the store keeps copies).
import type { BackwardRequest } from '../../store/backwardResult';

export function sameRequest(a: BackwardRequest, b: BackwardRequest): boolean {
  return a.text === b.text && a.target === b.target && a.smoothing === b.smoothing && a.lr === b.lr;
}
