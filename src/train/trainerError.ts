// Errors a training engine reports with a code the UI translates (train.error.<code>).
import type { TrainerErrorCode, TrainerErrorInfo } from './events';

export class TrainerError extends Error {
  constructor(
    readonly code: TrainerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TrainerError';
  }
}

/** Any thrown value as plain data; errors without a code get `fallback`. */
export function toErrorInfo(e: unknown, fallback: TrainerErrorCode = 'internal'): TrainerErrorInfo {
  if (e instanceof TrainerError) return { code: e.code, message: e.message };
  if (e && typeof e === 'object' && 'code' in e && 'message' in e && isCode((e as { code: unknown }).code)) {
    return { code: (e as TrainerErrorInfo).code, message: String((e as TrainerErrorInfo).message) };
  }
  return { code: fallback, message: e instanceof Error ? e.message : String(e) };
}

const CODES: readonly TrainerErrorCode[] = ['device', 'data', 'pretrained-mismatch', 'config', 'internal'];

function isCode(c: unknown): c is TrainerErrorCode {
  return CODES.includes(c as TrainerErrorCode);
}

/** A TrainerError again from its data (across the worker boundary). */
export function fromErrorInfo(info: TrainerErrorInfo): TrainerError {
  return new TrainerError(info.code, info.message);
}
