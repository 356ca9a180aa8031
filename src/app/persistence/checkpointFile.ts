// Checkpoint files in and out of the browser: read a user's File (refusing anything that is
// not a valid checkpoint, before it touches the current model) and offer text as a download.
import { CheckpointError, MAX_CHECKPOINT_CHARS, parseCheckpoint, type Checkpoint } from '../../model/checkpoint';

export type ImportResult = { ok: true; checkpoint: Checkpoint; text: string } | { ok: false; error: CheckpointError };

/** A File, Blob or string → a validated checkpoint, or the CheckpointError that refused it. */
export async function readCheckpointFile(file: Blob | string): Promise<ImportResult> {
  let text: string;
  if (typeof file === 'string') text = file;
  else {
    // Refuse huge files before reading them into memory.
    if (file.size > MAX_CHECKPOINT_CHARS * 4) {
      return { ok: false, error: new CheckpointError('too-large', `file is ${file.size} bytes`, { size: file.size, max: MAX_CHECKPOINT_CHARS }) };
    }
    text = await file.text();
  }
  try {
    return { ok: true, checkpoint: parseCheckpoint(text), text };
  } catch (e) {
    if (e instanceof CheckpointError) return { ok: false, error: e };
    throw e;
  }
}

/** A file name for a model: letters, digits, dashes; `.json`. */
export function checkpointFileName(name: string): string {
  const base = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'attention-lab-model'}.json`;
}
