// @vitest-environment happy-dom
// The pair form in a DOM: the reference follows the sentence (the toy grammar's translation)
// until the learner edits it, "use the toy grammar's translation" brings it back, refused numbers
// are named at their field and nothing is applied until the form is valid.
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyLanguage, initI18n } from '../../i18n';
import { en } from '../../i18n/en';
import { zh } from '../../i18n/zh';
import { PairForm, type PairChanges } from './PairForm';
import { DEFAULT_LR, DEFAULT_SMOOTHING, type BackwardParams } from './params';

const words = en.backward.form;
const PARAMS: BackwardParams = { text: 'the cat sat .', target: null, smoothing: DEFAULT_SMOOTHING, lr: DEFAULT_LR, fromCard: null };

function renderForm(params: BackwardParams = PARAMS) {
  const onApply = vi.fn<(c: PairChanges) => void>();
  render(<PairForm params={params} toyModel onApply={onApply} />);
  return { user: userEvent.setup(), onApply };
}

beforeAll(() => {
  initI18n('en');
});
afterEach(() => {
  cleanup();
  act(() => applyLanguage('en'));
});

describe('pair form', () => {
  it('prefills the toy grammar’s translation and lets it follow the sentence until edited', async () => {
    const { user, onApply } = renderForm();
    const text = screen.getByLabelText(words.text);
    const target = screen.getByLabelText(words.target);
    expect(target).toHaveProperty('value', '猫 坐 了 。');
    expect(screen.getByText(words.toyFollows)).toBeTruthy();
    await user.clear(text);
    await user.type(text, 'the dog sat .');
    expect(target).toHaveProperty('value', '狗 坐 了 。');
    await user.click(screen.getByRole('button', { name: words.run }));
    expect(onApply).toHaveBeenLastCalledWith({ text: 'the dog sat .', target: undefined, eps: '0.1', lr: '0.001' });

    await user.clear(target);
    await user.type(target, '猫 坐 了 。');
    await user.type(text, '{Enter}');
    expect(onApply).toHaveBeenLastCalledWith({ text: 'the dog sat .', target: '猫 坐 了 。', eps: '0.1', lr: '0.001' });
    await user.click(screen.getByRole('button', { name: words.useToy }));
    expect(target).toHaveProperty('value', '狗 坐 了 。');
  });

  it('names refused values at their field, and applies nothing until they are fixed', async () => {
    const { user, onApply } = renderForm({ ...PARAMS, target: '猫 坐 了 。' });
    const eps = screen.getByLabelText(words.smoothing);
    await user.clear(eps);
    await user.type(eps, '1');
    expect(eps.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(words.smoothingRange)).toBeTruthy();
    const lr = screen.getByLabelText(words.lr);
    await user.clear(lr);
    await user.type(lr, 'fast');
    expect(screen.getByText('Type a number, e.g. 0.001.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: words.run }));
    expect(onApply).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(words.fixFirst);
    expect(document.activeElement).toBe(eps);
    await user.clear(eps);
    await user.type(eps, '0');
    await user.clear(lr);
    await user.type(lr, '1e-2');
    await user.click(screen.getByRole('button', { name: words.run }));
    expect(onApply).toHaveBeenCalledWith({ text: 'the cat sat .', target: '猫 坐 了 。', eps: '0', lr: '0.01' });
  });

  it('says when the toy grammar cannot translate the sentence, in Chinese too', async () => {
    act(() => applyLanguage('zh'));
    const { user } = renderForm({ ...PARAMS, text: 'cat the sat' });
    expect(screen.getByLabelText(zh.backward.form.target)).toHaveProperty('value', '');
    expect(screen.getByText(zh.backward.form.noToy)).toBeTruthy();
    expect(screen.queryByRole('button', { name: zh.backward.form.useToy })).toBeNull();
    void user;
  });
});
