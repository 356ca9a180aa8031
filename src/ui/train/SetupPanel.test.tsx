// @vitest-environment happy-dom
// The Train setup form in a DOM, with the real draft hook and a stand-in store: invalid values
// are named at their field in the interface language and cannot be applied; valid ones are
// applied as one config patch.
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage, initI18n } from '../../i18n';
import { en } from '../../i18n/en';
import { zh } from '../../i18n/zh';
import type { SetConfigResult } from '../../store/slices/training';
import type { TrainingConfigPatch } from '../../train/trainingConfig';
import { ConfirmProvider } from './ConfirmDialog';
import { SetupPanel } from './SetupPanel';
import { useSetupDraft } from './useSetupDraft';

const setConfig = vi.hoisted(() => vi.fn<(patch: TrainingConfigPatch, opts?: { confirm?: boolean }) => Promise<SetConfigResult>>());

vi.mock('../../store', async () => {
  const { create } = await import('zustand');
  const { DEFAULT_TRAINING_CONFIG } = await import('../../train/trainingConfig');
  const useTestStore = create(() => ({ training: { config: DEFAULT_TRAINING_CONFIG, setConfig } }));
  return { useAppStore: useTestStore };
});

const words = en.train.setup;

function Form() {
  return <SetupPanel state={useSetupDraft()} />;
}

function renderForm() {
  render(
    <ConfirmProvider>
      <Form />
    </ConfirmProvider>,
  );
  return userEvent.setup();
}

async function setField(user: ReturnType<typeof userEvent.setup>, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.type(input, value);
  return input;
}

beforeAll(() => {
  initI18n('en');
});
beforeEach(() => {
  setConfig.mockReset();
  setConfig.mockResolvedValue({ kind: 'applied', discarded: false });
});
afterEach(() => {
  cleanup();
  act(() => applyLanguage('en'));
});

describe('Train setup form', () => {
  it('names each invalid value at its field, and will not apply them', async () => {
    const user = renderForm();
    const heads = await setField(user, words.nHeads, '5'); // D = 48
    const lr = await setField(user, words.lr, '0');
    const dropout = await setField(user, words.dropout, '1');

    expect(screen.getByText(words.invalid.headsDivide.replace('{{d}}', '48').replace('{{h}}', '5'))).toBeTruthy();
    expect(screen.getByText(words.invalid.positive)).toBeTruthy();
    expect(screen.getByText(words.invalid.fraction)).toBeTruthy();
    for (const input of [heads, lr, dropout]) expect(input.getAttribute('aria-invalid')).toBe('true');
    // The message is the field's description, so a screen reader hears it with the field.
    const described = heads.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain(words.invalid.headsDivide.replace('{{d}}', '48').replace('{{h}}', '5'));

    await user.click(screen.getByRole('button', { name: words.apply }));
    expect(setConfig).not.toHaveBeenCalled();
    expect(screen.getByTestId('setup-message').textContent).toBe(words.fixFirst);

    await user.type(lr, '{Enter}'); // submitting from a field does not apply either
    expect(setConfig).not.toHaveBeenCalled();
  });

  it('says it in Chinese in the Chinese interface', async () => {
    const user = renderForm();
    act(() => applyLanguage('zh'));
    await setField(user, zh.train.setup.nHeads, '5');
    expect(screen.getByText(zh.train.setup.invalid.headsDivide.replace('{{d}}', '48').replace('{{h}}', '5'))).toBeTruthy();
    await user.click(screen.getByRole('button', { name: zh.train.setup.apply }));
    expect(screen.getByTestId('setup-message').textContent).toBe(zh.train.setup.fixFirst);
    expect(setConfig).not.toHaveBeenCalled();
  });

  it('applies valid values as one patch, once the invalid one is fixed', async () => {
    const user = renderForm();
    const heads = await setField(user, words.nHeads, '5');
    await setField(user, words.lr, '0.002');
    await user.click(screen.getByRole('button', { name: words.apply }));
    expect(setConfig).not.toHaveBeenCalled();

    await setField(user, words.nHeads, '6');
    expect(heads.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('setup-message').textContent).toBe(words.edited);
    await user.click(screen.getByRole('button', { name: words.apply }));
    expect(setConfig).toHaveBeenCalledTimes(1);
    const [patch] = setConfig.mock.calls[0];
    expect(patch.model?.nHeads).toBe(6);
    expect(patch.optimizer?.lr).toBe(0.002);
    expect(await screen.findByText(words.applied)).toBeTruthy();
  });
});
