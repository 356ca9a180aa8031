// Shared command-line plumbing: loading a checkpoint from disk and failing with one plain
// line on stderr (no stack trace) and a non-zero exit.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createCpuBackend } from '../engine/cpu';
import { DataError } from '../data/errors';
import { type Checkpoint, CheckpointError, MAX_CHECKPOINT_CHARS, parseCheckpoint } from '../model/checkpoint';
import { LanguageModel } from '../model/languageModel';
import { MaskedLanguageModel } from '../model/maskedLanguageModel';
import { Translator } from '../model/translator';

export const SHIPPED_CHECKPOINT = 'public/checkpoints/en-zh-toy.json';
/** The shipped decoder-only model (`npm run generate`). */
export const SHIPPED_DECODER = 'public/checkpoints/en-zh-decoder.json';
/** The shipped encoder-only model (`npm run fill-mask`). */
export const SHIPPED_ENCODER = 'public/checkpoints/en-encoder-mlm.json';

/** A failure the user caused or can fix: printed as one line, exit code 2. */
export class CliError extends Error {}

/** A checkpoint file read and validated, with its text (the file as written). */
export interface CheckpointFile {
  checkpoint: Checkpoint;
  text: string;
}

export function readCheckpoint(path = SHIPPED_CHECKPOINT): CheckpointFile {
  const file = resolve(path);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`checkpoint not found: ${path}`);
  }
  if (size > MAX_CHECKPOINT_CHARS * 4) throw new CliError(`checkpoint ${path} is too large (${size} bytes)`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read checkpoint ${path}: ${code === 'EISDIR' ? 'it is a directory' : (code ?? (e as Error).message)}`);
  }
  try {
    return { checkpoint: parseCheckpoint(text), text };
  } catch (e) {
    if (e instanceof CheckpointError) throw new CliError(`cannot load checkpoint ${path}: ${e.message}`);
    throw e;
  }
}

/**
 * The model a checkpoint describes, on the CPU engine, built by `make`; a checkpoint of another
 * family, or a vocabulary the format leaves to the file (whitespace inside a token), is a
 * CliError naming the file.
 */
function modelFrom<T>(make: () => T, path: string): T {
  try {
    return make();
  } catch (e) {
    if (e instanceof DataError || e instanceof CheckpointError) throw new CliError(`cannot load checkpoint ${path}: ${e.message}`);
    throw e;
  }
}

/** The translator a checkpoint describes, on the CPU engine. */
export function translatorFrom(checkpoint: Checkpoint, path: string): Translator {
  return modelFrom(() => Translator.fromCheckpoint(createCpuBackend(), checkpoint), path);
}

/** The decoder-only model of a checkpoint file, on the CPU engine. */
export function loadLanguageModel(path = SHIPPED_DECODER): LanguageModel {
  const { checkpoint } = readCheckpoint(path);
  return modelFrom(() => LanguageModel.fromCheckpoint(createCpuBackend(), checkpoint), path);
}

/** The encoder-only model of a checkpoint file, on the CPU engine. */
export function loadMaskedLanguageModel(path = SHIPPED_ENCODER): MaskedLanguageModel {
  const { checkpoint } = readCheckpoint(path);
  return modelFrom(() => MaskedLanguageModel.fromCheckpoint(createCpuBackend(), checkpoint), path);
}

/**
 * parseArgs with positionals, where a bad option is one CliError line pointing at --help (the
 * one-line refusal the command-line tools promise).
 */
export function parseOptions<const O extends NonNullable<ParseArgsConfig['options']>>(options: O) {
  const config = { allowPositionals: true as const, options };
  try {
    return parseArgs(config);
  } catch (e) {
    throw new CliError(`${(e as Error).message.replace(/\s*\n\s*/g, ' ')} (try --help)`);
  }
}

/** Input lines: each non-empty line of --file, or the positionals joined as one line. */
export function inputLines(file: string | undefined, positionals: readonly string[]): string[] {
  if (!file) return positionals.length ? [positionals.join(' ')] : [];
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  } catch {
    throw new CliError(`cannot read --file ${file}`);
  }
}

/** Probabilities in JSON output: 6 decimals. */
export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

export function loadTranslator(path = SHIPPED_CHECKPOINT): Translator {
  return translatorFrom(readCheckpoint(path).checkpoint, path);
}

/** Run main, turning any error into one line on stderr and an exit code. */
export function runCli(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: ${msg}\n`);
    process.exit(e instanceof CliError ? 2 : 1);
  });
}
