// The model library: save the current model under a name, list the saved ones (dataset,
// model, steps, validation exact match, date), load or delete one (asking first), export the
// current model as a file and import one (a refused file changes nothing; the notice says why).
import { useId, useRef, useState } from 'react';
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import type { SavedModelSummary } from '../../store/slices/training';
import { formatPercent } from '../../viz';
import { useConfirm } from './ConfirmDialog';
import { formatDate } from './format';
import { downloadText } from '../../viz/download';

export function LibraryPanel() {
  const { t, lang } = useText();
  const confirm = useConfirm();
  const library = useAppStore((s) => s.training.library);
  const origin = useAppStore((s) => s.training.origin);
  const steps = useAppStore((s) => s.training.steps);
  const saveModel = useAppStore((s) => s.training.saveModel);
  const loadModel = useAppStore((s) => s.training.loadModel);
  const deleteModel = useAppStore((s) => s.training.deleteModel);
  const exportModel = useAppStore((s) => s.training.exportModel);
  const importModel = useAppStore((s) => s.training.importModel);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const nameId = useId();
  const fileId = useId();
  const hasModel = steps > 0 || origin.kind !== 'new';
  const currentId = origin.kind === 'saved' ? origin.id : null;

  const work = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };

  const load = (m: SavedModelSummary) =>
    work(async () => {
      if (hasModel && !(await confirm({ title: t('train.confirm.loadTitle'), body: t('train.confirm.loadBody', { name: m.name }), action: t('train.confirm.loadAction') }))) return;
      await loadModel(m.id);
    });
  const remove = (m: SavedModelSummary) =>
    work(async () => {
      if (!(await confirm({ title: t('train.confirm.deleteTitle', { name: m.name }), body: t('train.confirm.deleteBody'), action: t('train.confirm.deleteAction'), danger: true }))) return;
      await deleteModel(m.id);
    });

  return (
    <section className="train-panel train-library" aria-labelledby="train-library-title" aria-busy={busy || undefined}>
      <h2 id="train-library-title">{t('train.library.title')}</h2>
      <p className="train-field__hint">{library.kind === 'memory' ? t('train.library.memoryOnly') : t('train.library.stored')}</p>
      <form
        className="train-library__save"
        onSubmit={(e) => {
          e.preventDefault();
          void work(async () => {
            if (await saveModel(name)) setName('');
          });
        }}
      >
        <label htmlFor={nameId}>{t('train.library.name')}</label>
        <div className="train-probe__row">
          <input id={nameId} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} data-testid="library-name" />
          <button type="submit" className="button" disabled={!hasModel} data-testid="library-save">
            {t('train.library.save')}
          </button>
        </div>
        {!hasModel && <p className="train-field__hint">{t('train.library.nothingToSave')}</p>}
      </form>

      <div className="train-library__files">
        <button type="button" className="button button--secondary" disabled={!hasModel} onClick={() => void exportModel().then((file) => file && downloadText(file.fileName, file.text))} data-testid="library-export">
          {t('train.library.export')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => fileRef.current?.click()} aria-describedby={`${fileId}-hint`} data-testid="library-import">
          {t('train.library.import')}
        </button>
        <input
          ref={fileRef}
          id={fileId}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('train.library.importLabel')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file may be chosen again
            if (!file) return;
            // Asked only once the file has passed validation; a refused file asks nothing.
            const confirmReplace = hasModel
              ? () => confirm({ title: t('train.confirm.loadTitle'), body: t('train.confirm.importBody', { name: file.name }), action: t('train.confirm.importAction') })
              : undefined;
            void work(() => importModel(file, undefined, confirmReplace));
          }}
          data-testid="library-file"
        />
        <p id={`${fileId}-hint`} className="train-field__hint">
          {t('train.library.fileHint')}
        </p>
      </div>

      {library.models.length === 0 ? (
        <p className="train-probe__empty" data-testid="library-empty">
          {t('train.library.empty')}
        </p>
      ) : (
        <div className="train-table-wrap" role="region" aria-labelledby={`${nameId}-caption`} tabIndex={0}>
          <table className="train-table" data-testid="library-list">
            <caption id={`${nameId}-caption`}>{t('train.library.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('train.library.colName')}</th>
                <th scope="col">{t('train.library.colDataset')}</th>
                <th scope="col">{t('train.library.colConfig')}</th>
                <th scope="col">{t('train.library.colSteps')}</th>
                <th scope="col">{t('train.library.colExact')}</th>
                <th scope="col">{t('train.library.colSaved')}</th>
                <th scope="col">{t('train.library.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {library.models.map((m) => {
                const c = m.config.model;
                return (
                  <tr key={m.id} data-testid="library-row" data-name={m.name}>
                    <th scope="row">
                      {m.name} {m.id === currentId && <span className="train-field__hint">{t('train.library.current')}</span>}
                    </th>
                    <td>{t(m.dataset === 'toy' ? 'train.library.datasetToy' : 'train.library.datasetTatoeba')}</td>
                    <td>{t('train.library.config', { d: c.dModel, h: c.nHeads, enc: c.nEncoderLayers, dec: c.nDecoderLayers, f: c.dFF })}</td>
                    <td>{m.steps}</td>
                    <td>{m.validExactMatch === null ? '—' : formatPercent(m.validExactMatch, 1)}</td>
                    <td>{formatDate(m.savedAt, lang)}</td>
                    <td className="train-table__actions">
                      <button type="button" className="button button--secondary button--small" aria-label={t('train.library.loadNamed', { name: m.name })} onClick={() => void load(m)}>
                        {t('train.library.load')}
                      </button>
                      <button type="button" className="button button--danger-outline button--small" aria-label={t('train.library.deleteNamed', { name: m.name })} onClick={() => void remove(m)}>
                        {t('train.library.delete')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
