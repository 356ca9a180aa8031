// The deck as data: every card is well-formed, bilingual, linked to real stages, experiments
// and highlights, and its formula and cloze work.
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { isStageId } from '../model/stageIds';
import { EXPERIMENT_IDS, isExperimentId } from '../train/experimentIds';
import { DECK, cardById } from './cards';
import { checkCloze } from './cloze';
import { TOPICS, topicById } from './curriculum';
import { HIGHLIGHTS, HIGHLIGHT_IDS, isHighlightId } from './highlights';
import { backwardStageOf, CARD_KINDS, CLOZE_GAP, type Card } from './types';

const CJK = /[\u4e00-\u9fff]/;
const each = (name: string, check: (card: Card) => void) =>
  it(name, () => {
    for (const card of DECK) {
      try {
        check(card);
      } catch (e) {
        throw new Error(`card ${card.id}: ${(e as Error).message}`, { cause: e });
      }
    }
  });

describe('deck', () => {
  it('has at least one card per curriculum topic, and ~70+ cards', () => {
    for (const topic of TOPICS) {
      expect(DECK.filter((c) => c.topic === topic.id).length, `topic ${topic.id}`).toBeGreaterThan(0);
    }
    expect(DECK.length).toBeGreaterThanOrEqual(70);
  });

  it('has unique ids of the form <section><topic>-<slug>, found by cardById', () => {
    const ids = DECK.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const card of DECK) {
      const section = topicById(card.topic)!.section.toLowerCase();
      expect(card.id).toMatch(new RegExp(`^${section}${card.topic}-[a-z0-9]+(-[a-z0-9]+)*$`));
      expect(cardById(card.id)).toBe(card);
    }
    expect(cardById('no-such-card')).toBeUndefined();
  });

  it('lists cards in curriculum order', () => {
    const topics = DECK.map((c) => c.topic);
    expect(topics).toEqual([...topics].sort((a, b) => a - b));
  });

  each('links to an existing stage that the curriculum names for its topic (or a training-step stage of that topic)', (card) => {
    expect(card.stage === 'train' || isStageId(card.stage) || backwardStageOf(card.stage) !== null).toBe(true);
    const topic = topicById(card.topic)!;
    expect([...topic.stages, ...(topic.backwardStages ?? [])]).toContain(card.stage);
  });

  it('links cards on gradients, residuals, norm placement, label smoothing, warm-up and Adam to the training step', () => {
    const linked = (id: string) => backwardStageOf(cardById(id)!.stage);
    expect(linked('f42-vanishing-exploding')).toBe('residual-flow');
    expect(linked('e26-jacobian')).toBe('residual-flow');
    expect(linked('e29-post-vs-pre')).toBe('residual-flow');
    expect(linked('f38-label-smoothing')).toBe('loss');
    expect(linked('f39-why-warmup')).toBe('update');
    expect(linked('f39-adamw')).toBe('update');
  });

  each('links only to existing experiments that the curriculum names for its topic', (card) => {
    if (card.experiment === undefined) return;
    expect(isExperimentId(card.experiment)).toBe(true);
    expect(topicById(card.topic)!.experiments).toContain(card.experiment);
  });

  it('has a predict card for every experiment', () => {
    for (const id of EXPERIMENT_IDS) {
      expect(DECK.some((c) => c.kind === 'predict' && c.experiment === id), id).toBe(true);
    }
  });

  each('names a highlight from the exported list that lives on its own stage', (card) => {
    if (card.highlight === undefined) return;
    expect(isHighlightId(card.highlight)).toBe(true);
    expect(HIGHLIGHTS[card.highlight].stage).toBe(card.stage);
  });

  it('exports highlights with a stage and a one-line description each', () => {
    for (const id of HIGHLIGHT_IDS) {
      const h = HIGHLIGHTS[id];
      expect(h.stage === 'train' || isStageId(h.stage), id).toBe(true);
      expect(h.description.length).toBeGreaterThan(10);
      expect(h.description).not.toContain('\n');
    }
  });

  each('has non-empty English and Chinese texts, Chinese in zh and none in en', (card) => {
    const pairs = [card.question, card.answer, card.cloze?.text, card.stageNote, ...(card.practice?.checklist ?? [])];
    for (const pair of pairs) {
      if (!pair) continue;
      expect(pair.en.trim().length).toBeGreaterThan(0);
      expect(pair.zh.trim().length).toBeGreaterThan(0);
      expect(pair.zh).toMatch(CJK);
      expect(pair.en).not.toMatch(CJK);
    }
  });

  each('keeps answers short enough to say aloud', (card) => {
    const [en, zh] = card.kind === 'practice' ? [800, 320] : [560, 260];
    expect(card.answer.en.length).toBeLessThanOrEqual(en);
    expect(card.answer.zh.length).toBeLessThanOrEqual(zh);
  });

  each('has sane metadata', (card) => {
    expect(CARD_KINDS).toContain(card.kind);
    expect([1, 2, 3]).toContain(card.difficulty);
    expect(card.tags.length).toBeGreaterThan(0);
    for (const tag of card.tags) expect(tag).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  each('says why its panel was chosen when the topic has no panel of its own', (card) => {
    if (topicById(card.topic)!.closestOnly) expect(card.stageNote).toBeDefined();
  });

  each('points only to lab code that exists: the file, and every identifier in it', (card) => {
    if (!card.labCode) return;
    const source = readFileSync(card.labCode.path, 'utf8');
    expect(card.labCode.symbols.length).toBeGreaterThan(0);
    for (const symbol of card.labCode.symbols) expect(source, `${card.labCode.path}: ${symbol}`).toContain(symbol);
    expect(card.answer.en).toContain(card.labCode.path);
    expect(card.answer.zh).toContain(card.labCode.path);
  });

  each('has a formula that KaTeX parses', (card) => {
    if (card.formula === undefined) return;
    expect(() => katex.renderToString(card.formula!, { throwOnError: true })).not.toThrow();
  });

  each('carries exactly the fields its kind needs', (card) => {
    expect(card.cloze !== undefined).toBe(card.kind === 'cloze');
    expect(card.practice !== undefined).toBe(card.kind === 'practice');
    if (card.kind === 'predict') expect(card.experiment).toBeDefined();
  });

  each('has a cloze with one gap per language whose accepted answers match themselves', (card) => {
    if (!card.cloze) return;
    for (const text of [card.cloze.text.en, card.cloze.text.zh]) expect(text.split(CLOZE_GAP).length).toBe(2);
    expect(card.cloze.answers.length).toBeGreaterThan(0);
    for (const answer of card.cloze.answers) expect(checkCloze(card.cloze, answer).correct, answer).toBe(true);
    expect(checkCloze(card.cloze, 'certainly not this').correct).toBe(false);
  });

  it('makes topic 48 a spoken practice card with a timer and a checklist', () => {
    const practice = DECK.filter((c) => c.topic === 48 && c.kind === 'practice');
    expect(practice.length).toBeGreaterThan(0);
    for (const card of practice) {
      expect(card.practice!.seconds).toBeGreaterThan(0);
      expect(card.practice!.checklist.length).toBeGreaterThanOrEqual(3);
    }
    expect(practice.some((c) => c.practice!.seconds <= 60)).toBe(true);
  });
});
