// #/bench — the benchmarks on the visitor's own GPU (linked from the README, not from the main
// navigation): what is measured, the adapter, what to run, a progress bar, the result tables
// and the export in bench/results/'s format. The query takes the bench runner's options
// (src/bench/options.ts), e.g. #/bench?size=tiny (tests) or ?tf=webgpu,wasm.
import { useId, useState } from 'react';
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import { selectGpuContext } from '../../store/slices/gpu';
import { downloadText } from '../../viz/download';
import type { BenchRoute } from '../common/route';
import { KernelTable, TrainTable } from './BenchTables';
import type { BenchChoice } from './runBench';
import { useBenchRun } from './useBenchRun';
import './bench.css';

const CHOICES: (keyof BenchChoice)[] = ['kernels', 'train', 'tfjs', 'toEM'];

export function BenchView({ route }: { route: BenchRoute }) {
  const { t, lang } = useText();
  const id = useId();
  const gpuState = useAppStore((s) => s.gpu.state);
  const gpu = useAppStore(selectGpuContext);
  const [choice, setChoice] = useState<BenchChoice>({ kernels: true, train: true, tfjs: true, toEM: true });
  const { state, results, start, cancel } = useBenchRun();
  const running = state.status === 'running';
  const nothing = !CHOICES.some((c) => c !== 'tfjs' && c !== 'toEM' && choice[c]);

  const adapter =
    gpuState.kind === 'pending' ? t('bench.pending') : gpu ? `${gpu.info.name}${gpu.info.isFallbackAdapter ? ` — ${t('bench.fallback')}` : ''}` : t('bench.noAdapter');
  const statusText =
    state.status === 'running'
      ? t('bench.status.running', { label: state.label || '…' })
      : state.status === 'done'
        ? t('bench.status.done', { seconds: new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 }).format(state.seconds) })
        : state.status === 'error'
          ? t('bench.status.error', { message: state.message })
          : t(`bench.status.${state.status}`);
  const save = (name: 'kernels' | 'train') => {
    const r = results[name];
    if (r) downloadText(`${name}.json`, `${JSON.stringify(r, null, 2)}\n`);
  };

  return (
    <section className="view bench" aria-labelledby="view-title">
      <h1 id="view-title">{t('views.bench.title')}</h1>
      <p className="bench__intro">{t('bench.intro')}</p>
      <h2>{t('bench.measures.title')}</h2>
      <ul className="bench__measures">
        <li>{t('bench.measures.kernels')}</li>
        <li>{t('bench.measures.train')}</li>
      </ul>
      <dl className="bench__facts">
        <dt>{t('bench.adapter')}</dt>
        <dd data-testid="bench-adapter" data-fallback={gpu?.info.isFallbackAdapter ? 'true' : 'false'}>
          {adapter}
        </dd>
      </dl>

      <fieldset className="bench__choices" disabled={running}>
        <legend>{t('bench.options.legend')}</legend>
        {CHOICES.map((c) => (
          <label key={c}>
            <input type="checkbox" checked={choice[c]} onChange={(e) => setChoice({ ...choice, [c]: e.target.checked })} data-testid={`bench-choice-${c}`} />
            {t(`bench.options.${c}`)}
          </label>
        ))}
      </fieldset>

      <div className="bench__actions">
        <button type="button" className="button" disabled={running || nothing || gpuState.kind === 'pending'} onClick={() => void start(choice, new URLSearchParams(route.query as [string, string][]), gpu)} data-testid="bench-run">
          {t('bench.run')}
        </button>
        {running && (
          <button type="button" className="button button--secondary" onClick={cancel} data-testid="bench-cancel">
            {t('bench.cancel')}
          </button>
        )}
      </div>

      <div className="bench__progress">
        <label htmlFor={`${id}-progress`} className="visually-hidden">
          {t('bench.progress')}
        </label>
        <progress
          id={`${id}-progress`}
          max={1}
          value={state.status === 'running' ? state.fraction : state.status === 'done' ? 1 : 0}
          aria-describedby={`${id}-status`}
          data-testid="bench-progress"
        />
        <p id={`${id}-status`} role="status" className="bench__status" data-status={state.status} data-testid="bench-status">
          {statusText}
        </p>
      </div>

      {results.kernels && <KernelTable result={results.kernels} />}
      {results.train && <TrainTable result={results.train} />}

      {(results.kernels || results.train) && (
        <section className="bench__export" aria-labelledby={`${id}-export`}>
          <h2 id={`${id}-export`}>{t('bench.export.title')}</h2>
          <p className="bench__hint">{t('bench.export.hint')}</p>
          <div className="bench__actions">
            {results.kernels && (
              <button type="button" className="button button--secondary" onClick={() => save('kernels')} data-testid="bench-export-kernels">
                {t('bench.export.kernels')}
              </button>
            )}
            {results.train && (
              <button type="button" className="button button--secondary" onClick={() => save('train')} data-testid="bench-export-train">
                {t('bench.export.train')}
              </button>
            )}
          </div>
        </section>
      )}
    </section>
  );
}
