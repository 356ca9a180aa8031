// What each what-if experiment must show, as checks a program can run on its measured rows.
// The predict cards of the study deck quote `says` word for word (src/study/predict.test.ts
// checks that), and the same test runs every experiment and applies `checks`, so a card
// cannot promise what the lab does not show.
import type { ExperimentId } from './experimentIds';
import type { ExperimentMetric } from './experiments';

export interface Bilingual {
  en: string;
  zh: string;
}

export type OutcomeSide = 'baseline' | 'variant';

export type OutcomeCheck =
  /** variant − baseline < −by ('lower') or > by ('higher'). */
  | { kind: 'compare'; metric: ExperimentMetric; variant: 'lower' | 'higher'; by: number }
  /** |variant − baseline| ≤ within. */
  | { kind: 'close'; metric: ExperimentMetric; within: number }
  /** One side's value lies within [atLeast, atMost]. */
  | { kind: 'bound'; metric: ExperimentMetric; side: OutcomeSide; atLeast?: number; atMost?: number }
  /** The divergence guard stopped this side (true) or never did (false). */
  | { kind: 'stopped'; side: OutcomeSide; stopped: boolean }
  /** Baseline and variant have exactly the same number of parameters. */
  | { kind: 'same-size' }
  /** Greedy decoding of a sentence whose translation has `tokens` tokens takes `passes` decoder passes. */
  | { kind: 'decoder-passes'; tokens: number; passes: number }
  /** Heads switched off one at a time: the cheapest costs at most `cheapestCost` exact match, the dearest at least `dearestCost`. */
  | { kind: 'head-spread'; cheapestCost: number; dearestCost: number };

export interface ExperimentOutcome {
  /** The claim in words. Predict cards linked to the experiment contain it verbatim. */
  says: Bilingual;
  /** All must hold on a seeded run of the experiment's plan. */
  checks: OutcomeCheck[];
  /**
   * Steps after which the outcome already shows (it still holds at the plan's full count);
   * the deck's check runs this many to stay cheap. Absent: the plan's own count.
   */
  visibleBy?: number;
}

export const EXPERIMENT_OUTCOMES: Record<ExperimentId, ExperimentOutcome> = {
  'positions-off': {
    says: {
      en: 'swapped sentences get identical translations',
      zh: '主宾互换的两句得到完全相同的译文',
    },
    checks: [
      { kind: 'bound', metric: 'orderDistinct', side: 'baseline', atLeast: 0.5 },
      { kind: 'bound', metric: 'orderDistinct', side: 'variant', atMost: 0 },
      { kind: 'compare', metric: 'trainLoss', variant: 'higher', by: 0.05 },
      { kind: 'compare', metric: 'exactMatch', variant: 'lower', by: 0.1 },
    ],
    // Structural: without positions the two sources are the same set of vectors at any step.
    visibleBy: 4,
  },
  'causal-mask-off': {
    says: {
      en: 'a lower training loss and real decoding that collapses',
      zh: '训练损失更低，真正解码时却彻底失败',
    },
    checks: [
      { kind: 'compare', metric: 'trainLoss', variant: 'lower', by: 0.02 },
      { kind: 'compare', metric: 'teacherForcedAccuracy', variant: 'higher', by: 0 },
      { kind: 'compare', metric: 'tokenAccuracy', variant: 'lower', by: 0.2 },
      { kind: 'bound', metric: 'tokenAccuracy', side: 'variant', atMost: 0.15 },
      { kind: 'bound', metric: 'exactMatch', side: 'variant', atMost: 0.02 },
    ],
    visibleBy: 120,
  },
  'no-scaling': {
    says: {
      en: 'lower attention entropy in every block and a higher training loss',
      zh: '每个注意力模块的熵都更低，训练损失更高',
    },
    checks: [
      { kind: 'compare', metric: 'entropyEncSelf', variant: 'lower', by: 0.1 },
      { kind: 'compare', metric: 'entropyDecSelf', variant: 'lower', by: 0.1 },
      { kind: 'compare', metric: 'entropyCross', variant: 'lower', by: 0.1 },
      { kind: 'compare', metric: 'trainLoss', variant: 'higher', by: 0.02 },
    ],
    visibleBy: 80,
  },
  'one-head': {
    says: {
      en: 'the same parameter count and losses that end close, one head possibly ahead',
      zh: '参数量相同，损失最终接近，单头甚至可能领先',
    },
    checks: [
      { kind: 'same-size' },
      { kind: 'close', metric: 'trainLoss', within: 0.15 },
      { kind: 'close', metric: 'validLoss', within: 0.15 },
    ],
    visibleBy: 80,
  },
  'head-off': {
    says: {
      en: 'the cost differs widely from head to head: one can go almost for free, while the worst takes away over a third of exact match',
      zh: '不同的头代价差别很大：有的头去掉几乎没有损失，最关键的那个头却会让完全匹配率下降三分之一以上',
    },
    checks: [
      { kind: 'bound', metric: 'exactMatch', side: 'baseline', atLeast: 0.9 },
      { kind: 'head-spread', cheapestCost: 0.05, dearestCost: 0.34 },
    ],
  },
  'pre-norm': {
    says: {
      en: 'post-norm lags at a higher loss while pre-norm learns',
      zh: '后置层归一化停在较高的损失上，前置层归一化则在学习',
    },
    checks: [
      { kind: 'compare', metric: 'trainLoss', variant: 'lower', by: 0.1 },
      { kind: 'compare', metric: 'validLoss', variant: 'lower', by: 0.1 },
    ],
    visibleBy: 80,
  },
  gelu: {
    says: {
      en: 'losses that end close',
      zh: '两者的损失最终很接近',
    },
    checks: [
      { kind: 'close', metric: 'trainLoss', within: 0.15 },
      { kind: 'close', metric: 'validLoss', within: 0.15 },
    ],
    visibleBy: 80,
  },
  'lr-too-high': {
    says: {
      en: 'the guard stops the variant within a few steps and restores finite weights',
      zh: '发散保护在几步之内拦下变体，并恢复为有限的权重',
    },
    checks: [
      { kind: 'stopped', side: 'variant', stopped: true },
      { kind: 'stopped', side: 'baseline', stopped: false },
      { kind: 'bound', metric: 'divergedAtStep', side: 'variant', atLeast: 1, atMost: 10 },
    ],
  },
  'decode-steps': {
    says: {
      en: 'one encoder pass and 7 decoder passes',
      zh: '1 次编码器计算、7 次解码器计算',
    },
    checks: [{ kind: 'decoder-passes', tokens: 6, passes: 7 }],
  },
};

/** What a run measured, as far as the checks need it. */
export interface MeasuredOutcome {
  rows: ReadonlyArray<{ metric: ExperimentMetric; baseline: number | null; variant: number | null }>;
  /** Which sides the divergence guard stopped. */
  stopped: Record<OutcomeSide, boolean>;
  /** Parameter counts of the two models (train-both runs). */
  parameters?: Record<OutcomeSide, number>;
  /** A greedy decode: output tokens (without <eos>) and decoder passes (walkthrough runs). */
  decode?: { tokens: number; passes: number };
  /** Exact match with all heads on, and with each head switched off in turn (inference runs). */
  headsOff?: { baseline: number; heads: number[] };
}

/** The checks that fail on a measurement, each as one line; empty when the outcome holds. */
export function outcomeFailures(outcome: ExperimentOutcome, m: MeasuredOutcome): string[] {
  const failures: string[] = [];
  const row = (metric: ExperimentMetric) => m.rows.find((r) => r.metric === metric);
  for (const c of outcome.checks) {
    const fail = (why: string) => failures.push(`${c.kind}${'metric' in c ? ` ${c.metric}` : ''}: ${why}`);
    switch (c.kind) {
      case 'compare':
      case 'close': {
        const r = row(c.metric);
        if (r?.baseline == null || r.variant == null) {
          fail(`not measured (baseline ${r?.baseline}, variant ${r?.variant})`);
          break;
        }
        const d = r.variant - r.baseline;
        if (c.kind === 'close' && Math.abs(d) > c.within) fail(`|${r.variant} − ${r.baseline}| > ${c.within}`);
        if (c.kind === 'compare' && c.variant === 'lower' && !(d < -c.by)) fail(`variant ${r.variant} is not below baseline ${r.baseline} by ${c.by}`);
        if (c.kind === 'compare' && c.variant === 'higher' && !(d > c.by)) fail(`variant ${r.variant} is not above baseline ${r.baseline} by ${c.by}`);
        break;
      }
      case 'bound': {
        const v = row(c.metric)?.[c.side];
        if (v == null) fail(`${c.side} not measured`);
        else if ((c.atLeast !== undefined && v < c.atLeast) || (c.atMost !== undefined && v > c.atMost)) fail(`${c.side} ${v} outside [${c.atLeast ?? '−∞'}, ${c.atMost ?? '∞'}]`);
        break;
      }
      case 'stopped':
        if (m.stopped[c.side] !== c.stopped) fail(`${c.side} ${m.stopped[c.side] ? 'was' : 'was not'} stopped by the guard`);
        break;
      case 'same-size':
        if (!m.parameters) fail('parameter counts not measured');
        else if (m.parameters.baseline !== m.parameters.variant) fail(`${m.parameters.baseline} ≠ ${m.parameters.variant} parameters`);
        break;
      case 'decoder-passes':
        if (!m.decode) fail('no decode measured');
        else if (m.decode.tokens !== c.tokens || m.decode.passes !== c.passes) fail(`${m.decode.tokens} tokens took ${m.decode.passes} passes`);
        break;
      case 'head-spread': {
        if (!m.headsOff?.heads.length) {
          fail('no heads measured');
          break;
        }
        const costs = m.headsOff.heads.map((h) => m.headsOff!.baseline - h);
        if (Math.min(...costs) > c.cheapestCost) fail(`the cheapest head costs ${Math.min(...costs)} > ${c.cheapestCost}`);
        if (Math.max(...costs) < c.dearestCost) fail(`the dearest head costs ${Math.max(...costs)} < ${c.dearestCost}`);
        break;
      }
    }
  }
  return failures;
}
