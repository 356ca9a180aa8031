// The setup form's state: a draft of the store's config, its reading (patch or problems), and
// `apply()`, which asks before a change that throws the trained model away. Start and Step
// apply pending edits first, so what runs is what the form shows.
import { useCallback, useMemo, useState } from 'react';
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import { useConfirm } from './ConfirmDialog';
import { draftFromConfig, readDraft, sameDraft, type SetupDraft } from './setupForm';

export type ApplyMessage = 'applied' | 'appliedNew' | 'fixFirst' | null;

export interface SetupDraftState {
  draft: SetupDraft;
  setDraft: (d: SetupDraft) => void;
  reading: ReturnType<typeof readDraft>;
  dirty: boolean;
  message: ApplyMessage;
  /** Apply the edits (asking first when they discard the model); false when nothing was applied. */
  apply: () => Promise<boolean>;
  revert: () => void;
}

export function useSetupDraft(): SetupDraftState {
  const { t } = useText();
  const config = useAppStore((s) => s.training.config);
  const setConfig = useAppStore((s) => s.training.setConfig);
  const confirm = useConfirm();
  const [draft, setDraftState] = useState(() => draftFromConfig(config));
  const [shownFor, setShownFor] = useState(config);
  const [message, setMessage] = useState<ApplyMessage>(null);
  // The store's config changed (applied, a model loaded, a session restored): show it.
  if (shownFor !== config) {
    setShownFor(config);
    setDraftState(draftFromConfig(config));
  }
  const reading = useMemo(() => readDraft(draft, config), [draft, config]);
  const dirty = useMemo(() => !sameDraft(draft, draftFromConfig(config)), [draft, config]);

  const setDraft = useCallback((d: SetupDraft) => {
    setDraftState(d);
    setMessage(null);
  }, []);

  const apply = useCallback(async (): Promise<boolean> => {
    if (!dirty) return true;
    if (!reading.patch) {
      setMessage('fixFirst');
      return false;
    }
    let result = await setConfig(reading.patch);
    if (result.kind === 'needs-confirmation') {
      const ok = await confirm({ title: t('train.confirm.discardTitle'), body: t('train.confirmDiscard'), action: t('train.confirm.discardAction'), danger: true });
      if (!ok) return false;
      result = await setConfig(reading.patch, { confirm: true });
    }
    if (result.kind !== 'applied') {
      setMessage('fixFirst');
      return false;
    }
    setMessage(result.discarded ? 'appliedNew' : 'applied');
    return true;
  }, [dirty, reading.patch, setConfig, confirm, t]);

  const revert = useCallback(() => {
    setDraftState(draftFromConfig(config));
    setMessage(null);
  }, [config]);

  return { draft, setDraft, reading, dirty, message, apply, revert };
}
