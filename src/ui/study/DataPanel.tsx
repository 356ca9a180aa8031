// Your progress as a file: export (download JSON), import (validated first; a refused file
// changes nothing and says why, in the interface language), and reset with a confirmation.
import { useEffect, useId, useRef, useState } from 'react';
import { useText } from '../../i18n';
import {
  importErrorMessage,
  importReportMessage,
  MAX_IMPORT_BYTES,
  type ImportError,
  type ImportMode,
  type ImportReport,
  type ProgressSnapshot,
} from '../../study';
import { useAppStore } from '../../store';
import { downloadText } from '../../viz/download';

type Outcome =
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'refused'; error: ImportError; fileName: string }
  | { kind: 'failed'; detail: string }
  | { kind: 'exported'; fileName: string }
  | { kind: 'reset' };

export function DataPanel({ snapshot }: { snapshot: ProgressSnapshot }) {
  const { t, lang } = useText();
  const { exportProgress, importProgress, resetProgress } = useAppStore((s) => s.study);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Closing the confirmation puts focus back on the button that opened it.
    if (wasConfirming.current && !confirming) resetRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const fileId = useId();
  const modeName = useId();

  const run = async (work: () => Promise<Outcome>) => {
    if (busy) return;
    setBusy(true);
    try {
      setOutcome(await work());
    } catch (e) {
      setOutcome({ kind: 'failed', detail: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const onExport = () =>
    run(async () => {
      const { fileName, text } = await exportProgress();
      downloadText(fileName, text);
      return { kind: 'exported', fileName };
    });

  const onFile = (file: File) =>
    run(async () => {
      if (file.size > MAX_IMPORT_BYTES) {
        return { kind: 'refused', fileName: file.name, error: { code: 'too-large', params: { bytes: file.size, limitBytes: MAX_IMPORT_BYTES } } };
      }
      const result = await importProgress(await file.text(), mode);
      return result.ok ? { kind: 'imported', report: result.report } : { kind: 'refused', error: result.error, fileName: file.name };
    }).finally(() => {
      // The same file can be chosen again after fixing it.
      if (fileRef.current) fileRef.current.value = '';
    });

  const onReset = () =>
    run(async () => {
      await resetProgress();
      setConfirming(false);
      return { kind: 'reset' };
    });

  return (
    <div className="study-data">
      <div className="study-data__row">
        <button type="button" className="button" onClick={() => void onExport()} data-testid="export-progress">
          {t('study.data.export')}
        </button>
        <span className="study-hint">{t('study.data.exportHint')}</span>
      </div>

      <fieldset className="study-data__import">
        <legend>{t('study.data.importTitle')}</legend>
        <div className="study-data__modes">
          <label>
            <input type="radio" name={modeName} checked={mode === 'merge'} onChange={() => setMode('merge')} /> {t('study.data.merge')}
          </label>
          <label>
            <input type="radio" name={modeName} checked={mode === 'replace'} onChange={() => setMode('replace')} /> {t('study.data.replace')}
          </label>
        </div>
        {/* The native control's text follows the browser's language, not ours: a translated label stands in. */}
        <div className="study-file">
          <input
            ref={fileRef}
            id={fileId}
            className="visually-hidden"
            type="file"
            accept="application/json,.json"
            data-testid="import-progress"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void onFile(file);
            }}
          />
          <label htmlFor={fileId} className="button button--secondary study-file__button">
            {t('study.data.chooseFile')}
          </label>
          <span className="study-hint">{t('study.data.chooseHint')}</span>
        </div>
      </fieldset>

      <div className="study-data__row">
        {!confirming ? (
          <button type="button" ref={resetRef} className="button button--danger-outline" onClick={() => setConfirming(true)}>
            {t('study.data.reset')}
          </button>
        ) : (
          <ConfirmReset
            cards={snapshot.progress.size}
            reviews={snapshot.reviews.length}
            onConfirm={() => void onReset()}
            onCancel={() => setConfirming(false)}
          />
        )}
      </div>

      <div aria-live="polite" data-testid="data-outcome">
        {outcome?.kind === 'imported' && <p className="study-ok">{importReportMessage(outcome.report, lang)}</p>}
        {outcome?.kind === 'exported' && <p className="study-ok">{t('study.data.exported', { fileName: outcome.fileName })}</p>}
        {outcome?.kind === 'reset' && <p className="study-ok">{t('study.data.resetDone')}</p>}
        {outcome?.kind === 'refused' && (
          <p className="study-error" role="alert" data-testid="import-refused">
            <strong>{t('study.data.refused', { fileName: outcome.fileName })}</strong> {importErrorMessage(outcome.error, lang)}{' '}
            {t('study.data.untouched')}
          </p>
        )}
        {outcome?.kind === 'failed' && (
          <p className="study-error" role="alert">
            {t('study.data.failed')} <code>{outcome.detail}</code>
          </p>
        )}
      </div>
    </div>
  );
}

/** "Delete all progress?" with the counts; focus starts on the harmless choice, Escape cancels. */
function ConfirmReset({ cards, reviews, onConfirm, onCancel }: { cards: number; reviews: number; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useText();
  const textId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      className="study-confirm"
      role="group"
      aria-labelledby={textId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel(); // as in a dialog: Escape is "no", and focus goes back to Reset
        }
      }}
    >
      <p id={textId}>{t('study.data.confirmReset', { cards, reviews })}</p>
      <button type="button" className="button button--danger" onClick={onConfirm} data-testid="confirm-reset">
        {t('study.data.confirmYes')}
      </button>
      <button type="button" className="button button--secondary" ref={cancelRef} onClick={onCancel}>
        {t('study.data.confirmNo')}
      </button>
    </div>
  );
}
