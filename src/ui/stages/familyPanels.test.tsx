// @vitest-environment happy-dom
// Every stage panel of the two one-stack families renders on a real result of that family's
// shipped model, in both languages, without naming the other stack: no encoder or cross-attention
// in the decoder-only walkthrough, no decoder in the encoder-only one.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../../i18n';
import { FAMILY_STAGE_IDS } from '../../model/stageIds';
import type { WalkthroughResult } from '../../store/walkthroughResult';
import { readParams } from '../walkthrough/params';
import { buildStageContext } from '../walkthrough/stageContext';
import { familyStages } from '.';
import { familyResult } from './familyTesting';

const results: Partial<Record<'decoder' | 'encoder', WalkthroughResult>> = {};

beforeAll(async () => {
  initI18n('en');
  results.decoder = await familyResult('decoder', 'the cat sat .');
  results.encoder = await familyResult('encoder', 'the <mask> sat .');
}, 60_000);
afterEach(() => {
  cleanup();
  act(() => applyLanguage('en'));
});

function renderStage(family: 'decoder' | 'encoder', id: string) {
  const r = results[family]!;
  const stage = familyStages(family).find((s) => s.id === id)!;
  const route = { view: 'walkthrough' as const, stage: stage.id, query: [] };
  const ctx = buildStageContext(r, stage, readParams(route), 'en', () => undefined);
  const { Panel } = stage;
  return render(<Panel ctx={ctx} />);
}

describe.each(['decoder', 'encoder'] as const)('the %s walkthrough', (family) => {
  it.each(FAMILY_STAGE_IDS[family].map((id) => [id]))('renders %s in both languages', (id) => {
    const { container, unmount } = renderStage(family, id);
    expect(container.textContent).not.toBe('');

    unmount();
    act(() => applyLanguage('zh'));
    const zh = renderStage(family, id).container.textContent ?? '';
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('what each family draws', () => {
  const q = (c: HTMLElement, sel: string) => c.querySelector(sel);
  it('decoder-only: one column without cross-attention, one causal square, one sequence', () => {
    let c = renderStage('decoder', 'overview').container;
    expect(q(c, '[data-testid="overview-diagram"]')?.getAttribute('data-family')).toBe('decOnly');
    expect(q(c, '[data-block="dec-cross"]')).toBeNull();
    expect(q(c, '[data-block^="enc-"]')).toBeNull();
    cleanup();
    c = renderStage('decoder', 'decoder-self-attn').container;
    expect(q(c, '[data-testid="decself-cross"]')).toBeNull();
    expect(q(c, '[data-testid="decself-one-square"]')?.textContent).toContain('<sep>');
    cleanup();
    c = renderStage('decoder', 'tokens').container;
    expect(q(c, '[data-testid="tokens-sequence"]')?.textContent).toContain('<sep>');
    expect(q(c, '[data-testid="tokens-source"]')).toBeNull();
    cleanup();
    c = renderStage('decoder', 'decoding').container;
    expect(c.textContent).not.toContain('cross-attention K and V');
  });

  it('encoder-only: the encoder and the MLM head, bidirectional attention, no decoder', () => {
    let c = renderStage('encoder', 'overview').container;
    expect(q(c, '[data-testid="overview-diagram"]')?.getAttribute('data-family')).toBe('encOnly');
    expect(q(c, '[data-block^="dec-"]')).toBeNull();
    expect(q(c, '[data-block="enc-mlm"]')?.getAttribute('data-stage')).toBe('fill-mask');
    cleanup();
    c = renderStage('encoder', 'mask').container;
    expect(q(c, '[data-testid="mask-causal"]')).toBeNull();
    expect(q(c, '[data-testid="mask-family-note"]')).not.toBeNull();
    cleanup();
    c = renderStage('encoder', 'encoder-stack').container;
    expect(q(c, '[data-testid="modelview-enc"]')).not.toBeNull();
    expect(q(c, '[data-testid="modelview-dec"]')).toBeNull();
    expect(q(c, '[data-testid="modelview-cross"]')).toBeNull();
    cleanup();
    c = renderStage('encoder', 'tokens').container;
    expect(q(c, '[data-testid="tokens-target"]')).toBeNull();
    expect(c.textContent).toContain('<mask>');
    cleanup();
    c = renderStage('encoder', 'fill-mask').container;
    expect(q(c, '[data-testid="fill-mask-1"]')).not.toBeNull();
  });
});
