// @vitest-environment happy-dom
// The decoding stage's sampling controls in a DOM, with the settings held as the URL would hold
// them: moving a slider changes the bars' table at once (host arithmetic on the step's logits),
// the drawn token is marked only while the settings are the ones it was drawn with, Sample
// writes the seed, and the texts follow the language.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../../../i18n';
import { samplingDistributions, type SamplingOptions } from '../../../model/sampling';
import { NO_SAMPLE, type SampledState } from '../../../store/slices/walkthrough';
import type { SampleRequest, SampledTranslationView, WalkthroughResult } from '../../../store/walkthroughResult';
import type { StageContext } from '../types';
import { samplingText } from './content';
import { SamplingSection } from './SamplingSection';

const TOKENS = ['<pad>', '<bos>', '<eos>', '<unk>', '猫', '坐', '了', '。', '狗', '跑', '我', '你'];
const LOGITS = Float32Array.from([-9, -9, 1, -9, 4, 2.5, 2, 1.5, 1, 0.5, 0, -0.5]);
const TEXT = 'the cat sat .';

function result(): WalkthroughResult {
  const step = { token: '猫', id: 4, prob: 0.5, top: [], logits: LOGITS };
  return {
    text: TEXT,
    vocabSizes: { src: 10, tgt: TOKENS.length },
    vocabTokens: { src: [], tgt: TOKENS },
    translation: { ids: [4, 2], tokens: ['猫'], text: '猫', steps: [step, { ...step, token: '<eos>', id: 2 }], finished: true },
  } as unknown as WalkthroughResult;
}

function sampledView(request: SampleRequest): SampledTranslationView {
  const d = samplingDistributions(LOGITS, request);
  return {
    key: `cpu|${TEXT}`,
    request,
    ids: [5, 2],
    tokens: ['坐'],
    text: '坐',
    steps: [{ token: '坐', id: 5, logits: LOGITS, prob: d.filtered[5], baseProb: d.base[5], kept: d.kept.length }],
    finished: false,
    backend: { kind: 'cpu', name: 'CPU', hasTimestamps: false },
  };
}

type Settings = SamplingOptions & { seed: number | null };
const writes: Array<Partial<Settings>> = [];

function Harness({ start, state = NO_SAMPLE }: { start?: Partial<Settings>; state?: SampledState }) {
  const [s, setS] = useState<Settings>({ temperature: 1, topK: 0, topP: 1, seed: null, ...start });
  const ctx = {
    result: result(),
    sampling: {
      options: { temperature: s.temperature, topK: s.topK, topP: s.topP },
      seed: s.seed,
      state,
      set: (patch: Partial<Settings>) => {
        writes.push(patch);
        setS((old) => ({ ...old, ...patch }));
      },
    },
  } as unknown as StageContext;
  return <SamplingSection ctx={ctx} greedyStep={0} />;
}

/** The table's body rows as [token, model p, after T, after the cut]. */
function rows(): string[][] {
  const table = screen.getByTestId('sampling-table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent ?? ''));
}

beforeAll(() => {
  initI18n('en');
});
afterEach(() => {
  cleanup();
  writes.length = 0;
  act(() => applyLanguage('en'));
});

describe('sampling controls and bars', () => {
  it('moving the temperature and top-k sliders changes the table at once', () => {
    render(<Harness />);
    const before = rows();
    expect(before[0][0]).toBe('猫');
    expect(before[0][1]).toBe(before[0][2]); // T = 1: tempered = the model's own
    expect(before[0][2]).toBe(before[0][3]); // no cut

    const temperature = screen.getByLabelText(samplingText.temperature.en);
    fireEvent.change(temperature, { target: { value: '0.5' } });
    expect(writes).toEqual([{ temperature: 0.5 }]);
    const sharp = rows();
    expect(sharp[0][1]).toBe(before[0][1]); // the model's own does not move
    expect(Number(sharp[0][2])).toBeGreaterThan(Number(before[0][2]));
    expect(screen.getByTestId('sampling-temperature-value').textContent).toBe('0.50');

    fireEvent.change(screen.getByLabelText(samplingText.topK.en), { target: { value: '2' } });
    const cut = rows();
    expect(cut[2][3]).toBe('0 (cut)');
    expect(Number(cut[0][3]) + Number(cut[1][3])).toBeCloseTo(1, 2);
    expect(screen.getByText('After top-k and top-p: 2 kept')).toBeTruthy();

    fireEvent.change(temperature, { target: { value: '0' } });
    expect(screen.getByTestId('sampling-temperature-value').textContent).toBe('0 (greedy)');
    expect(rows()[0][3]).toBe('1.000');
  });

  it('Sample writes the seed typed in the box; the drawn token is marked while the settings match', () => {
    render(<Harness />);
    const seed = screen.getByLabelText(samplingText.seed.en);
    fireEvent.change(seed, { target: { value: '42' } });
    fireEvent.click(screen.getByRole('button', { name: samplingText.sample.en }));
    expect(writes).toEqual([{ seed: 42 }]);
    cleanup();

    const request = { text: TEXT, temperature: 1.5, topK: 0, topP: 1, seed: 42 };
    const state: SampledState = { status: 'ready', request, view: sampledView(request), error: null };
    render(<Harness start={{ temperature: 1.5, seed: 42 }} state={state} />);
    expect(screen.getByTestId('sampling-output').textContent).toBe('坐');
    const drawnRow = rows().find((r) => r[0].startsWith('坐'));
    expect(drawnRow?.[0]).toContain('✓ drawn');
    expect(screen.getByTestId('sampling-steps').textContent).toContain(sampledView(request).steps[0].prob.toFixed(3));
    // Other settings: the old run stays on screen but its token was not drawn from these bars.
    fireEvent.change(screen.getByLabelText(samplingText.topP.en), { target: { value: '0.5' } });
    expect(rows().some((r) => r[0].includes('✓'))).toBe(false);
    expect(screen.getByTestId('sampling-status').textContent).toBe(samplingText.running.en);
  });

  it('speaks Chinese', () => {
    act(() => applyLanguage('zh'));
    render(<Harness />);
    fireEvent.change(screen.getByLabelText(samplingText.topK.zh), { target: { value: '3' } });
    expect(screen.getByTestId('sampling-topk-value').textContent).toBe('12 个词元中的 3 个');
    expect(screen.getByRole('button', { name: samplingText.sample.zh })).toBeTruthy();
    expect(rows()[3][3]).toBe('0 (截掉)');
  });
});
