// npm run translate -- "did the cat drink the milk at home ?" [--checkpoint PATH] [--beam N]
//                      [--file PATH] [--json]
// Greedy by default; --beam N > 1 runs beam search, hypotheses ranked by GNMT's length-normalised
// score log p / ((5 + len)/6)^0.6. Either way the output has at most maxLen tokens with <eos>.
// Prints one translation per input line; with --json one JSON object per line carrying
// tokens, unknown positions, per-step top-5 probabilities and the attention of a
// teacher-forced pass over the output ([layer][head][query][key]).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { teacherForcingTarget } from '../model/decode';
import type { Trace } from '../model/trace';
import type { Translator } from '../model/translator';
import { CliError, loadTranslator, runCli, SHIPPED_CHECKPOINT } from './common';

const USAGE = `usage: npm run translate -- "sentence" [--checkpoint PATH] [--beam N] [--file PATH] [--json]`;

function attention(trace: Trace, side: 'enc' | 'dec', block: 'self' | 'cross', layers: number, heads: number): number[][][][] {
  const out: number[][][][] = [];
  for (let l = 0; l < layers; l++) {
    const name = `${side}.${l}.${block}.weights`;
    out.push(Array.from({ length: heads }, (_, h) => trace.matrix(name, h).map((row) => row.map((v) => round(v)))));
  }
  return out;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

async function translateLine(tr: Translator, line: string, beam: number, json: boolean): Promise<string> {
  const prepared = tr.prepare(line);
  if (!prepared.ok) {
    const e = prepared.error;
    throw new CliError(e.code === 'empty' ? 'empty input' : `input too long: ${e.length} tokens with <eos>, the model takes at most ${e.max}`);
  }
  const src = prepared.source;
  const t = await tr.translate(src, { beam });
  if (!json) return t.text;
  const { trace } = await tr.trace(src, teacherForcingTarget(t.ids, tr.special.eos, tr.maxLen));
  const cfg = tr.model.config;
  const steps = (t.steps ?? []).map((s) => ({
    token: tr.vocabs.tgt.token(s.token),
    prob: round(s.prob),
    top5: tr.topTokens(s.probs, 5).map((x) => ({ token: x.token, prob: round(x.prob) })),
  }));
  return JSON.stringify({
    source: line,
    srcTokens: src.tokens,
    unknown: src.unknown,
    tgtTokens: t.tokens,
    translation: t.text,
    steps,
    attention: {
      encoderSelf: attention(trace, 'enc', 'self', cfg.nEncoderLayers, cfg.nHeads),
      decoderSelf: attention(trace, 'dec', 'self', cfg.nDecoderLayers, cfg.nHeads),
      cross: attention(trace, 'dec', 'cross', cfg.nDecoderLayers, cfg.nHeads),
    },
  });
}

runCli(async () => {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        checkpoint: { type: 'string', default: SHIPPED_CHECKPOINT },
        beam: { type: 'string', default: '1' },
        file: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const beam = Number(values.beam);
  if (!Number.isInteger(beam) || beam < 1 || beam > 16) throw new CliError(`--beam must be an integer from 1 to 16, got ${values.beam}`);
  let lines: string[];
  if (values.file) {
    try {
      lines = readFileSync(values.file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    } catch {
      throw new CliError(`cannot read --file ${values.file}`);
    }
  } else {
    lines = positionals.length ? [positionals.join(' ')] : [];
  }
  if (!lines.length) throw new CliError(`nothing to translate\n${USAGE}`);
  const tr = loadTranslator(values.checkpoint);
  for (const line of lines) process.stdout.write(`${await translateLine(tr, line, beam, values.json)}\n`);
});
