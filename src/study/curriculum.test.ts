// The embedded curriculum is complete and agrees with docs/curriculum.md, the repository's copy
// of the team's shared curriculum (<repo>/../shared/docs/curriculum.md). Where the shared file
// is reachable (a developer checkout), the copy must equal it, so drift shows up at once.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isStageId } from '../model/stageIds';
import { isExperimentId } from '../train/experimentIds';
import { SECTIONS, SECTION_IDS, TOPICS, topicById, type SectionId } from './curriculum';
import { backwardStageOf } from './types';

const REPO_CURRICULUM = fileURLToPath(new URL('../../docs/curriculum.md', import.meta.url));
const SHARED_CURRICULUM = fileURLToPath(new URL('../../../shared/docs/curriculum.md', import.meta.url));

interface ParsedTopic {
  id: number;
  section: string;
  text: string;
}

/** Topics of curriculum.md: "N. text", continued on indented lines, under "## X. Section". */
function parseCurriculum(markdown: string): ParsedTopic[] {
  const topics: ParsedTopic[] = [];
  let section = '';
  for (const line of markdown.split('\n')) {
    const header = /^## ([A-Z])\. /.exec(line);
    const start = /^(\d+)\.\s+(.*)$/.exec(line);
    if (header) section = header[1];
    else if (start) topics.push({ id: Number(start[1]), section, text: start[2].trim() });
    else if (/^\s{2,}\S/.test(line) && topics.length > 0) topics[topics.length - 1].text += ` ${line.trim()}`;
  }
  return topics;
}

function stagesIn(text: string): string[] {
  const stages: string[] = [];
  const stage = /Stage:(.*?)(?:\.\s|\.$|$)/.exec(text);
  if (stage) for (const m of stage[1].matchAll(/`([a-z-]+)`/g)) stages.push(m[1]);
  if (/View: Train/.test(text)) stages.push('train');
  return stages;
}

function hasExperiment(text: string): boolean {
  const m = /Experiment:\s*(.*?)(?:\.\s|\.$|$)/.exec(text);
  return m !== null && !/^none\b/i.test(m[1]);
}

describe('embedded curriculum', () => {
  it('numbers topics 1–48 in order, in sections A–H, with titles in both languages', () => {
    expect(TOPICS.map((t) => t.id)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    const sections = TOPICS.map((t) => t.section);
    expect([...sections].sort()).toEqual(sections);
    expect(new Set(sections)).toEqual(new Set(SECTION_IDS));
    for (const t of TOPICS) {
      expect(t.title.en.length).toBeGreaterThan(0);
      expect(t.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(topicById(t.id)).toBe(t);
    }
    for (const s of SECTION_IDS) expect(SECTIONS[s].zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names only real stages and experiments', () => {
    for (const t of TOPICS) {
      expect(t.stages.length, `topic ${t.id}`).toBeGreaterThan(0);
      for (const s of t.stages) expect(s === 'train' || isStageId(s), `${t.id}: ${s}`).toBe(true);
      for (const s of t.backwardStages ?? []) expect(backwardStageOf(s), `${t.id}: ${s}`).not.toBeNull();
      for (const e of t.experiments) expect(isExperimentId(e), `${t.id}: ${e}`).toBe(true);
    }
  });

  it('matches docs/curriculum.md: numbers, sections, titles, stages and experiments', () => {
    const parsed = parseCurriculum(readFileSync(REPO_CURRICULUM, 'utf8'));
    expect(parsed.map((t) => t.id)).toEqual(TOPICS.map((t) => t.id));
    for (const p of parsed) {
      const t = topicById(p.id)!;
      expect(t.section, `topic ${p.id} section`).toBe(p.section as SectionId);

      const bold = /^\*\*(.+?)\*\*/.exec(p.text);
      if (bold) expect(t.title.en, `topic ${p.id} title`).toBe(bold[1].replace(/[.:]$/, ''));
      else expect(p.text.startsWith(t.title.en), `topic ${p.id} title "${t.title.en}"`).toBe(true);

      const stages = stagesIn(p.text);
      if (stages.length > 0) expect(new Set(t.stages), `topic ${p.id} stages`).toEqual(new Set(stages));
      else expect(t.closestOnly, `topic ${p.id} has no stage in the curriculum: mark it closestOnly`).toBe(true);

      expect(t.experiments.length > 0, `topic ${p.id} experiments`).toBe(hasExperiment(p.text));
    }
  });

  it.skipIf(!existsSync(SHARED_CURRICULUM))('docs/curriculum.md is the shared curriculum, unchanged (skipped: no ../shared checkout beside the repo)', () => {
    expect(readFileSync(REPO_CURRICULUM, 'utf8')).toBe(readFileSync(SHARED_CURRICULUM, 'utf8'));
  });
});
