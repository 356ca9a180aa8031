// Cards that quote a model's sizes must quote that model. A sentence that names this app's
// model ("this app", "the shipped model", 本应用, 内置模型) is checked against the shipped
// checkpoint; one that names the experiment ("this experiment", 本实验) against the model its
// predict card's experiment trains. Any other quoted size must be one of the paper's (or a
// well-known example's), so a size can never be invented. The parameter count quoted for this
// app is computed from the config and from the checkpoint's tensors, and all three must agree.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCheckpoint } from '../model/checkpoint';
import { DEFAULT_CONFIG, type ModelConfig } from '../model/config';
import { parameterEntries } from '../model/parameters';
import { experimentConfigs } from '../train/experimentRun';
import { EXPERIMENTS } from '../train/experiments';
import { DECK } from './cards';
import type { Bilingual } from '../i18n/text';
import type { Card } from './types';

const checkpoint = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));
const vocabSizes = { src: checkpoint.vocab.src.length, tgt: checkpoint.vocab.tgt.length };
const shippedParameters = parameterEntries(checkpoint.config, vocabSizes).reduce((n, e) => n + e.shape.reduce((a, b) => a * b, 1), 0);

type Size = 'dModel' | 'dHead' | 'dFF' | 'heads' | 'parameters';

// A number that is not followed by more of an expression (`4d`, `8·n`, `512 / 8`).
const N = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?!\w|\.\d|\s*[/·×*^])`;
const PATTERNS: Array<[Size, RegExp]> = [
  ['dModel', new RegExp(String.raw`\bd_model = ${N}`, 'g')],
  ['dHead', new RegExp(String.raw`\b(?:d_k|Dh|d_head) = ${N}`, 'g')],
  ['dFF', new RegExp(String.raw`\bd_ff = ${N}`, 'g')],
  ['heads', new RegExp(String.raw`\b${N} heads?\b|${N} 个头`, 'g')],
  ['parameters', new RegExp(String.raw`\b${N} parameters\b|${N} 个参数`, 'g')],
];
/** Sizes a sentence may quote without naming a model: the paper's base and big, and the usual examples. */
const ELSEWHERE: Partial<Record<Size, number[]>> = { dModel: [512, 1024, 4096], dHead: [64, 128], dFF: [2048, 4096] };

const SHIPPED = /this app|the shipped|shipped model|本应用|内置模型/i;
const EXPERIMENT = /this experiment|the experiment|本实验/i;

function sizesOf(c: ModelConfig, parameters: number | null): Record<Size, number | null> {
  return { dModel: c.dModel, dHead: c.dModel / c.nHeads, dFF: c.dFF, heads: c.nHeads, parameters };
}

function experimentModel(card: Card): Record<Size, number | null> | null {
  if (!card.experiment) return null;
  const model = experimentConfigs(EXPERIMENTS[card.experiment], { config: checkpoint.config, weights: {}, vocab: checkpoint.vocab }).baseline.model;
  return sizesOf(model, null);
}

function texts(card: Card): Bilingual[] {
  return [card.question, card.answer, card.cloze?.text, card.stageNote].filter((t): t is Bilingual => t !== undefined);
}

/** Sentences and clauses: a model is named per clause ("…d_k = 8; in the shipped model…"). */
function clauses(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+|[。；！？]/).filter((s) => s.trim().length > 0);
}

function quotes(clause: string): Array<{ size: Size; value: number }> {
  return PATTERNS.flatMap(([size, re]) => [...clause.matchAll(re)].map((m) => ({ size, value: Number((m[1] ?? m[2]).replace(/,/g, '')) })));
}

describe('cards about this app’s model', () => {
  it('the default config is the shipped checkpoint’s, and its parameter count agrees with the tensors', () => {
    expect(checkpoint.config).toEqual(DEFAULT_CONFIG);
    const tensors = [...checkpoint.weights.values()].reduce((n, w) => n + w.length, 0);
    expect(shippedParameters).toBe(tensors);
  });

  it('quote the shipped d_model, heads and parameter count somewhere', () => {
    const quoted = DECK.flatMap((card) => texts(card).flatMap((t) => [t.en, t.zh]))
      .flatMap(clauses)
      .filter((s) => SHIPPED.test(s))
      .flatMap(quotes);
    for (const size of ['dModel', 'heads', 'parameters'] as const) expect(quoted.some((q) => q.size === size), size).toBe(true);
  });

  it('quote each size from the model the sentence names, and only the paper’s sizes otherwise', () => {
    const shipped = sizesOf(checkpoint.config, shippedParameters);
    const problems: string[] = [];
    for (const card of DECK) {
      const experiment = experimentModel(card);
      for (const text of texts(card)) {
        for (const clause of [...clauses(text.en), ...clauses(text.zh)]) {
          const names = EXPERIMENT.test(clause) ? 'experiment' : SHIPPED.test(clause) ? 'shipped' : null;
          if (names === 'experiment' && !experiment) {
            problems.push(`${card.id}: "${clause}" names an experiment, but the card links none`);
            continue;
          }
          const model = names === 'experiment' ? experiment : names === 'shipped' ? shipped : null;
          for (const { size, value } of quotes(clause)) {
            if (model) {
              if (model[size] !== null && model[size] !== value) problems.push(`${card.id}: ${size} = ${value} in "${clause}", but the ${names} model has ${model[size]}`);
            } else if (ELSEWHERE[size] && !ELSEWHERE[size].includes(value)) {
              problems.push(`${card.id}: ${size} = ${value} in "${clause}" names no model and is not the paper’s`);
            }
          }
          // "d_k = 8, about 2.8×": the multiplier quoted next to a head size is its square root.
          const head = quotes(clause).find((q) => q.size === 'dHead');
          const factor = /(?:about|约)\s*(\d+(?:\.\d+)?)\s*(?:×|倍)/.exec(clause);
          if (head && factor && Math.abs(Number(factor[1]) - Math.sqrt(head.value)) > 0.06) {
            problems.push(`${card.id}: ${factor[1]}× next to d_k = ${head.value} in "${clause}" is not √${head.value}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
