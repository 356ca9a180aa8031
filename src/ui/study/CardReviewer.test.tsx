// @vitest-environment happy-dom
// The card reviewer's keys in a DOM, with a stand-in store: Space reveals the answer, 1–4 grade
// it (Again, Hard, Good, Easy) and call back with that grade, and nothing grades before the
// answer is shown (persistence is the e2e tests' part: e2e/study.spec.ts).
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import { en } from '../../i18n/en';
import { DECK, type GradeName } from '../../study';
import { CardReviewer } from './CardReviewer';

vi.mock('../../store', async () => {
  const { create } = await import('zustand');
  const useTestStore = create(() => ({
    settings: { language: 'en' },
    study: { showBothLanguages: false, snapshot: null, service: () => null },
  }));
  return { useAppStore: useTestStore };
});

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

const card = DECK.find((c) => c.kind === 'qa' && !c.formula)!;

function renderCard(keyboard = true) {
  const onGrade = vi.fn<(grade: GradeName, durationMs: number) => Promise<void>>().mockResolvedValue(undefined);
  render(<CardReviewer card={card} onGrade={onGrade} keyboard={keyboard} />);
  return { onGrade, user: userEvent.setup() };
}

const answer = () => screen.queryByTestId('study-answer');

describe('CardReviewer keys', () => {
  it('1–4 do nothing before the answer is shown; Space shows it', async () => {
    const { onGrade, user } = renderCard();
    await user.keyboard('1234');
    expect(onGrade).not.toHaveBeenCalled();
    expect(answer()).toBeNull();
    expect(screen.queryByRole('button', { name: /Good/ })).toBeNull();

    await user.keyboard(' ');
    expect(answer()).not.toBeNull();
    expect(answer()!.textContent).toContain(card.answer.en);
    expect(screen.queryByRole('button', { name: new RegExp(`^${en.study.card.reveal}`) })).toBeNull();
  });

  it.each([
    ['1', 'again'],
    ['2', 'hard'],
    ['3', 'good'],
    ['4', 'easy'],
  ] as const)('after Space, %s grades %s', async (key, grade) => {
    const { onGrade, user } = renderCard();
    await user.keyboard(' ');
    await user.keyboard(key);
    expect(onGrade).toHaveBeenCalledTimes(1);
    expect(onGrade.mock.calls[0][0]).toBe(grade);
    expect(onGrade.mock.calls[0][1]).toBeGreaterThanOrEqual(0); // time spent on the card, ms
  });

  it('ignores keys with a modifier, other digits, and keys typed while it is not the listening card', async () => {
    const { onGrade, user } = renderCard();
    await user.keyboard(' ');
    await user.keyboard('{Control>}1{/Control}{Alt>}2{/Alt}059');
    expect(onGrade).not.toHaveBeenCalled();
    cleanup();

    const other = renderCard(false);
    await other.user.keyboard(' 3');
    expect(answer()).toBeNull();
    expect(other.onGrade).not.toHaveBeenCalled();
  });

  it('grades once per key while the grade is being stored', async () => {
    let finish: () => void = () => {};
    const onGrade = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<CardReviewer card={card} onGrade={onGrade} keyboard />);
    const user = userEvent.setup();
    await user.keyboard(' 3');
    await user.keyboard('4'); // still storing the first grade
    expect(onGrade).toHaveBeenCalledTimes(1);
    await act(async () => finish());
  });
});
