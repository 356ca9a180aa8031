// npm run fill-mask -- "the <mask> sat ." [--checkpoint PATH] [--file PATH] [--json]
// The encoder-only model (shared/docs/checkpoint.md, "encoder") fills each <mask> of an English
// sentence: one bidirectional pass, the MLM head's distribution at every mask. Prints the
// sentence with every mask replaced by its most probable word, then one line per mask with the
// five most probable; with --json one JSON object per input line:
//   { text, tokens, masks: [{ position, top5: [{ token, prob }] }], filled }
// positions counted from 0 over the words (tokens), <mask> included.
import type { MaskedLanguageModel } from '../model/maskedLanguageModel';
import { CliError, inputLines, parseOptions, loadMaskedLanguageModel, round6, runCli, SHIPPED_ENCODER } from './common';

const USAGE = `usage: npm run fill-mask -- "the <mask> sat ." [--checkpoint PATH] [--file PATH] [--json]`;

async function fillLine(mlm: MaskedLanguageModel, line: string, json: boolean): Promise<string> {
  const prepared = mlm.prepare(line);
  if (!prepared.ok) {
    const e = prepared.error;
    throw new CliError(
      e.code === 'empty' ? 'empty input' : e.code === 'no-mask' ? `no <mask> in ${JSON.stringify(line)}: write <mask> where a word is missing` : `input too long: ${e.length} tokens with <eos>, the model takes at most ${e.max}`,
    );
  }
  const r = await mlm.fill(prepared.input, { k: 5 });
  const masks = r.masks.map((m) => ({ position: m.position, top5: m.top.map((x) => ({ token: x.token, prob: round6(x.prob) })) }));
  if (json) return JSON.stringify({ text: line, tokens: r.input.tokens, masks, filled: r.filled });
  const lines = masks.map((m) => `  <mask> ${m.position}: ${m.top5.map((x) => `${x.token} ${x.prob.toFixed(3)}`).join('  ')}`);
  return [r.filled.join(' '), ...lines].join('\n');
}

runCli(async () => {
  const { values, positionals } = parseOptions({
    checkpoint: { type: 'string', default: SHIPPED_ENCODER },
    file: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const lines = inputLines(values.file, positionals);
  if (!lines.length) throw new CliError(`nothing to fill: give a sentence with <mask> or --file (try --help)`);
  const mlm = loadMaskedLanguageModel(values.checkpoint);
  for (const line of lines) process.stdout.write(`${await fillLine(mlm, line, values.json)}\n`);
});
