// Typed failures of the data layer. Each carries a `detail` with a code and the numbers a UI
// needs to say what went wrong in the user's language; `message` is the English version for
// logs and the command line.

export type DataProblem =
  | { code: 'bad-vocab'; reason: string }
  | { code: 'empty-batch' }
  | { code: 'batch-too-long'; side: 'src' | 'tgt'; index: number; length: number; max: number }
  | { code: 'bad-header'; found: string }
  | { code: 'http'; url: string; status: number }
  | { code: 'no-base-url' };

export class DataError extends Error {
  constructor(
    readonly detail: DataProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}
