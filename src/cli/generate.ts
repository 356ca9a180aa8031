// npm run generate -- "the cat sat ." [--checkpoint PATH] [--file PATH] [--json]
//                     [--temperature T] [--top-k K] [--top-p P] [--seed S]
// Prompted translation with the decoder-only model (shared/docs/checkpoint.md, "decoder"): feeds
// `<bos> English <sep>` and prints the continuation up to <eos> (or maxLen). Temperature 0 (the
// default) is greedy; otherwise tokens are drawn by src/model/sampling.ts (temperature, then
// top-k, then top-p) with a generator seeded by --seed, afresh for every input line, so a line's
// output depends only on the line and the options. One line of output per input line; with
// --json one JSON object per line:
//   { prompt, promptTokens, unknown, tokens, text, steps: [{ token, prob, top5: [{ token, prob }] }] }
// where prob and top5 are the model's own untempered probabilities at that step.
import type { LanguageModel } from '../model/languageModel';
import { checkSampling, Sampler, type SamplingOptions } from '../model/sampling';
import { CliError, inputLines, parseOptions, loadLanguageModel, round6, runCli, SHIPPED_DECODER } from './common';

const USAGE = `usage: npm run generate -- "english sentence" [--checkpoint PATH] [--file PATH] [--json] [--temperature T] [--top-k K] [--top-p P] [--seed S]`;

/** A number option from its text: a plain decimal, refused with the option's name otherwise. */
function numberOption(name: string, text: string, integer: boolean): number {
  const ok = integer ? /^\s*\+?\d+\s*$/.test(text) : /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?\s*$/i.test(text);
  const v = ok ? Number(text) : NaN;
  if (!Number.isFinite(v)) throw new CliError(`--${name} must be ${integer ? 'a whole number' : 'a number'}, got ${JSON.stringify(text)}`);
  return v;
}

async function generateLine(lm: LanguageModel, line: string, sampling: SamplingOptions, seed: number, json: boolean): Promise<string> {
  const prepared = lm.prepare(line);
  if (!prepared.ok) {
    const e = prepared.error;
    throw new CliError(e.code === 'empty' ? 'empty prompt' : `prompt too long: ${e.length - 2} words; with <bos> and <sep> the model takes at most ${e.max - 2}`);
  }
  const sampler = sampling.temperature === 0 ? undefined : new Sampler(sampling, seed);
  const g = await lm.generate(prepared.prompt, { sampler });
  if (!json) return g.text;
  return JSON.stringify({
    prompt: line,
    promptTokens: prepared.prompt.ids.map((id) => lm.vocab.token(id)),
    unknown: prepared.prompt.unknown,
    tokens: g.tokens,
    text: g.text,
    steps: g.steps.map((s) => ({ token: s.word, prob: round6(s.prob), top5: s.top5.map((x) => ({ token: x.token, prob: round6(x.prob) })) })),
  });
}

runCli(async () => {
  const { values, positionals } = parseOptions({
    checkpoint: { type: 'string', default: SHIPPED_DECODER },
    file: { type: 'string' },
    json: { type: 'boolean', default: false },
    temperature: { type: 'string', default: '0' },
    'top-k': { type: 'string', default: '0' },
    'top-p': { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sampling: SamplingOptions = {
    temperature: numberOption('temperature', values.temperature, false),
    topK: numberOption('top-k', values['top-k'], true),
    topP: numberOption('top-p', values['top-p'], false),
  };
  const problems = checkSampling(sampling);
  if (problems.length) throw new CliError(problems.join('; '));
  const seed = numberOption('seed', values.seed, true);
  const lines = inputLines(values.file, positionals);
  if (!lines.length) throw new CliError(`nothing to generate from: give an English sentence or --file (try --help)`);
  const lm = loadLanguageModel(values.checkpoint);
  for (const line of lines) process.stdout.write(`${await generateLine(lm, line, sampling, seed, values.json)}\n`);
});
