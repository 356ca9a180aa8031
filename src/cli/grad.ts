// npm run grad -- --src "the cat sat ." --tgt "猫 坐 了 。" [--checkpoint PATH] [--smoothing E] [--json]
// The loss and every parameter gradient of one sentence pair, on the CPU engine with dropout
// off, for checking another implementation against this one (shared/docs/checkpoint.md).
// The source is read as translate reads it (lowercased, punctuation split off); the target is
// split on whitespace as it is. The loss is the document's "Loss" (default ε = 0.1): the mean
// over the T + 1 target positions; the gradients are d loss / d parameter.
//
// --json prints one JSON object on one line:
//   { "loss": number, "nTokens": T + 1,
//     "grads": { "<tensor name>": { "shape": [..], "norm": L2 norm, "data": "<base64 float32 LE>" }, ... } }
// with every tensor of the checkpoint, under its name, in its layout (W as (in, out), rows and
// columns in the file's own vocabulary order). Without --json: a readable summary of the same.
import { parseArgs } from 'node:util';
import type { Shape } from '../engine/backend';
import { encodeFloat32 } from '../model/base64';
import { gradientsInFileOrder, l2Norm, pairBatch, PairError, pairGradients, tokenizePair, type BatchGradients } from '../train/pairGradients';
import { CliError, readCheckpoint, runCli, SHIPPED_CHECKPOINT, translatorFrom } from './common';

const USAGE = 'usage: npm run grad -- --src "the cat sat ." --tgt "猫 坐 了 。" [--checkpoint PATH] [--smoothing E] [--json]';

/** Label smoothing ε from its text: a plain decimal number with 0 ≤ ε < 1. */
function parseSmoothing(text: string): number {
  const value = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?\s*$/i.test(text) ? Number(text) : NaN;
  if (!(value >= 0 && value < 1)) throw new CliError(`--smoothing must be a number with 0 ≤ ε < 1, got ${JSON.stringify(text)}`);
  return value;
}

const fmt = (n: number, digits: number) => (n === 0 ? '0' : n.toExponential(digits));

function summary(r: BatchGradients, grads: ReadonlyMap<string, Float32Array>, src: string[], tgt: string[], smoothing: number): string {
  const rows = [...grads].map(([name, g]) => [name, `[${(r.shapes.get(name) as Shape).join(', ')}]`, fmt(l2Norm(g), 4)]);
  const total = Math.sqrt([...grads.values()].reduce((s, g) => s + l2Norm(g) ** 2, 0));
  const head = ['tensor', 'shape', 'L2 norm'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (row: string[]) => `${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2].padStart(widths[2])}`;
  return [
    `loss      ${r.loss.toFixed(6)}  (mean over the target positions; label smoothing ε = ${smoothing}; dropout off)`,
    `nTokens   ${r.nTokens}`,
    `encoder   ${[...src, '<eos>'].join(' ')}`,
    `decoder   in: <bos> ${tgt.join(' ')}   targets: ${[...tgt, '<eos>'].join(' ')}`,
    `gradient  L2 norm over every tensor ${fmt(total, 4)} (${grads.size} tensors)`,
    '',
    line(head),
    ...rows.map(line),
    '',
  ].join('\n');
}

runCli(async () => {
  let args;
  try {
    args = parseArgs({
      options: {
        checkpoint: { type: 'string', default: SHIPPED_CHECKPOINT },
        src: { type: 'string' },
        tgt: { type: 'string' },
        smoothing: { type: 'string', default: '0.1' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new CliError(`${(e as Error).message.replace(/\s*\n\s*/g, ' ')} (${USAGE})`);
  }
  const { values } = args;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  for (const flag of ['src', 'tgt'] as const) {
    if (values[flag] === undefined) throw new CliError(`--${flag} is required (${USAGE})`);
  }
  const smoothing = parseSmoothing(values.smoothing);
  const path = values.checkpoint;
  const { checkpoint, text } = readCheckpoint(path);
  const tr = translatorFrom(checkpoint, path);
  const tokens = tokenizePair(values.src!, values.tgt!);
  let batch;
  try {
    batch = pairBatch(tr, tokens.src, tokens.tgt);
  } catch (e) {
    if (e instanceof PairError) throw new CliError(`--${e.problem.side}: ${e.message}`);
    throw e;
  }
  const r = await pairGradients(tr.model, batch, { labelSmoothing: smoothing });
  // The file's vocabulary as written: the gradients' rows and columns follow it.
  const fileVocab = (JSON.parse(text) as { vocab: { src: string[]; tgt: string[] } }).vocab;
  const grads = gradientsInFileOrder(r.grads, fileVocab, tr.model.config.dModel);
  if (!values.json) {
    process.stdout.write(summary(r, grads, tokens.src, tokens.tgt, smoothing));
    return;
  }
  const out: Record<string, { shape: Shape; norm: number; data: string }> = {};
  for (const [name, g] of grads) out[name] = { shape: r.shapes.get(name)!, norm: l2Norm(g), data: encodeFloat32(g) };
  process.stdout.write(`${JSON.stringify({ loss: r.loss, nTokens: r.nTokens, grads: out })}\n`);
});
