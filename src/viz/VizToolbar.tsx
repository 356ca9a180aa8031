import { useState } from 'react';
import { useText } from '../i18n';
import { exportView, type ExportSource } from './exportImage';

export interface VizToolbarProps {
  /** The "Table" toggle; left out when the view has no table. */
  table?: { shown: boolean; onToggle: () => void };
  /** Builds what the PNG/SVG export writes; left out when the view has no picture to save. */
  exportSource?: () => ExportSource;
  exportName: string;
  testId: string;
}

/** "Table" toggle and PNG/SVG export buttons shared by every view in src/viz. */
export function VizToolbar({ table, exportSource, exportName, testId }: VizToolbarProps) {
  const { t } = useText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (format: 'png' | 'svg') => {
    if (!exportSource || busy) return;
    setBusy(true);
    setError(null);
    try {
      await exportView(exportSource(), exportName, format);
    } catch (e) {
      setError(t('viz.exportFailed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="viz-toolbar" role="group" aria-label={t('viz.toolbar')} data-testid={`${testId}-toolbar`}>
      {table && (
        <button
          type="button"
          className="viz-toolbar__button"
          aria-pressed={table.shown}
          title={t('viz.tableHint')}
          onClick={table.onToggle}
          data-testid={`${testId}-table-toggle`}
        >
          {t('viz.table')}
        </button>
      )}
      {exportSource && (
        <>
          <button
            type="button"
            className="viz-toolbar__button"
            aria-label={t('viz.downloadPng')}
            title={t('viz.pngHint')}
            aria-disabled={busy || undefined}
            onClick={() => void save('png')}
            data-testid={`${testId}-png`}
          >
            {t('viz.png')}
          </button>
          <button
            type="button"
            className="viz-toolbar__button"
            aria-label={t('viz.downloadSvg')}
            title={t('viz.svgHint')}
            aria-disabled={busy || undefined}
            onClick={() => void save('svg')}
            data-testid={`${testId}-svg-download`}
          >
            {t('viz.svg')}
          </button>
        </>
      )}
      {error && (
        <p className="viz-toolbar__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
