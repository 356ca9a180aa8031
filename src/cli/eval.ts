// npm run eval -- --n 1000 --seed S [--checkpoint PATH] [--verbose]
// Exact match, token accuracy and BLEU of greedy translations on freshly generated toy
// sentences (seed S must differ from the training seeds to measure generalization).
import { parseArgs } from 'node:util';
import { generateToyCorpus } from '../data/toyGenerator';
import { evaluate } from '../train/evaluate';
import { CliError, loadTranslator, runCli, SHIPPED_CHECKPOINT } from './common';

const USAGE = 'usage: npm run eval -- [--n N] [--seed S] [--checkpoint PATH] [--verbose]';

runCli(async () => {
  let args;
  try {
    args = parseArgs({
      options: {
        n: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '20261123' },
        checkpoint: { type: 'string', default: SHIPPED_CHECKPOINT },
        verbose: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${USAGE}`);
  }
  const { values } = args;
  const n = Number(values.n);
  const seed = Number(values.seed);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new CliError(`--n must be an integer from 1 to 100000, got ${values.n}`);
  if (!Number.isInteger(seed)) throw new CliError(`--seed must be an integer, got ${values.seed}`);
  const tr = loadTranslator(values.checkpoint);
  const pairs = generateToyCorpus(seed, n);
  const t0 = performance.now();
  const r = await evaluate(tr.model, pairs, tr.vocabs);
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  process.stdout.write(
    [
      `sentences       ${r.n} (seed ${seed})`,
      `exact match     ${pct(r.exactMatch)}`,
      `token accuracy  ${pct(r.tokenAccuracy)}`,
      `BLEU            ${(r.bleu * 100).toFixed(2)}`,
      `time            ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      '',
    ].join('\n'),
  );
  if (values.verbose) {
    pairs.forEach((p, i) => {
      const hyp = r.hypotheses[i].join(' ');
      if (hyp !== p.zh.join(' ')) process.stdout.write(`${p.en.join(' ')}\n  want ${p.zh.join(' ')}\n  got  ${hyp}\n`);
    });
  }
});
