// The study settings: new cards per day and the drill's default speaking time.
import { useId, useState, type FormEvent } from 'react';
import { useText } from '../../i18n';
import { SETTINGS_LIMITS, type StudySettings } from '../../study';
import { useAppStore } from '../../store';

export function SettingsForm({ settings }: { settings: StudySettings }) {
  const { t } = useText();
  const saveSettings = useAppStore((s) => s.study.saveSettings);
  const newId = useId();
  const drillId = useId();
  const [newPerDay, setNewPerDay] = useState(String(settings.newPerDay));
  const [drillSeconds, setDrillSeconds] = useState(String(settings.drillSeconds));
  const [saved, setSaved] = useState<StudySettings | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Settings changed elsewhere (another tab, an import, a reset): show the stored values.
  const [shown, setShown] = useState(settings);
  if (shown.newPerDay !== settings.newPerDay || shown.drillSeconds !== settings.drillSeconds) {
    setShown(settings);
    setNewPerDay(String(settings.newPerDay));
    setDrillSeconds(String(settings.drillSeconds));
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      const next = await saveSettings({ newPerDay: Number(newPerDay), drillSeconds: Number(drillSeconds) });
      // Show what was stored (clamped and rounded), not what was typed.
      setNewPerDay(String(next.newPerDay));
      setDrillSeconds(String(next.drillSeconds));
      setSaved(next);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form className="study-settings" onSubmit={(e) => void submit(e)}>
      <div className="study-settings__field">
        <label htmlFor={newId}>{t('study.settings.newPerDay')}</label>
        <input
          id={newId}
          type="number"
          inputMode="numeric"
          min={SETTINGS_LIMITS.newPerDay.min}
          max={SETTINGS_LIMITS.newPerDay.max}
          step={1}
          value={newPerDay}
          onChange={(e) => setNewPerDay(e.target.value)}
          data-testid="new-per-day"
        />
      </div>
      <div className="study-settings__field">
        <label htmlFor={drillId}>{t('study.settings.drillSeconds')}</label>
        <input
          id={drillId}
          type="number"
          inputMode="numeric"
          min={SETTINGS_LIMITS.drillSeconds.min}
          max={SETTINGS_LIMITS.drillSeconds.max}
          step={5}
          value={drillSeconds}
          onChange={(e) => setDrillSeconds(e.target.value)}
        />
      </div>
      <button type="submit" className="button">
        {t('study.settings.save')}
      </button>
      <p role="status" className="study-settings__status">
        {saved && t('study.settings.saved', { newPerDay: saved.newPerDay, drillSeconds: saved.drillSeconds })}
      </p>
      {failure && (
        <p role="alert" className="study-error">
          {t('study.settings.failed')} <code>{failure}</code>
        </p>
      )}
    </form>
  );
}
