// The benchmark page's results as tables (captions, column headers): kernels in ms per call
// against each TensorFlow.js backend and our CPU engine; training steps/s per engine, the
// fastest peer and the steps to 95% exact match.
import { useId, type ReactNode } from 'react';
import { useText } from '../../i18n';
import type { KernelBenchResult } from '../../bench/kernels';
import type { MatmulTuning } from '../../engine/webgpu';
import { TF_BACKENDS } from '../../bench/tfjsPeer';
import type { TrainBenchResult } from '../../bench/train';

const fmt = (x: unknown, digits: number, lang: string) =>
  typeof x === 'number' && Number.isFinite(x) ? new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x) : '–';

/** A table that may scroll sideways: a focusable region named by the table's caption (keyboard scrolling). */
function Scroller({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    <div className="bench-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}

/** Which matmul form our WebGPU engine ran, and what the measurement that chose it saw ('' if none). */
function useMatmulForm(blocks: number | undefined, tuning: MatmulTuning | undefined): string {
  const { t, lang } = useText();
  if (!blocks) return '';
  const side = 4 * blocks;
  if (!tuning) return t('bench.matmulForced', { side });
  const { rows, inner, outer } = tuning.shape;
  const shape = `(${rows}×${inner})·(${inner}×${outer})`;
  return t('bench.matmulMeasured', { side, shape, ms4: fmt(tuning.ms[1], 2, lang), ms8: fmt(tuning.ms[2], 2, lang) });
}

export function KernelTable({ result }: { result: KernelBenchResult }) {
  const { t, lang } = useText();
  const captionId = useId();
  const backend = (b: (typeof TF_BACKENDS)[number]) => t(`bench.backend.${b}`);
  const form = useMatmulForm(result.matmulBlocks, result.matmulTuning);
  return (
    <>
      <Scroller captionId={captionId}>
        <table className="bench-table" data-testid="bench-kernels">
          <caption id={captionId}>{t('bench.kernelsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bench.col.kernel')}</th>
              <th scope="col">{t('bench.col.shape')}</th>
              <th scope="col">{t('bench.col.ours')}</th>
              {TF_BACKENDS.map((b) => (
                <th scope="col" key={b}>
                  {t('bench.col.tf', { backend: backend(b) })}
                </th>
              ))}
              <th scope="col">{t('bench.col.cpu')}</th>
              <th scope="col">{t('bench.col.ratio')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={`${r.kernel} ${r.shape}`}>
                <th scope="row">{r.kernel}</th>
                <td>{r.shape}</td>
                <td>{fmt(r.oursMs, 3, lang)}</td>
                {TF_BACKENDS.map((b) => (
                  <td key={b}>{fmt(r.tfjs[b]?.ms, 3, lang)}</td>
                ))}
                <td>{fmt(r.cpuMs, 3, lang)}</td>
                <td>{r.fastestPeer ? `${fmt(r.ratio, 2, lang)} (${backend(r.fastestPeer)})` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
      {form && <p data-testid="bench-kernels-matmul">{form}</p>}
    </>
  );
}

export function TrainTable({ result }: { result: TrainBenchResult }) {
  const { t, lang } = useText();
  const captionId = useId();
  const yesNo = (v: unknown) => t(v ? 'bench.yes' : 'bench.no');
  const form = useMatmulForm(result.ours.matmulBlocks as number | undefined, result.ours.matmulTuning as MatmulTuning | undefined);
  const rows: { id: string; engine: string; stepsPerSec: unknown; tokensPerSec: unknown; dispatches: unknown; note: string }[] = [
    { id: 'ours', engine: t('bench.engine.ours'), stepsPerSec: result.ours.stepsPerSec, tokensPerSec: result.ours.tokensPerSec, dispatches: result.ours.dispatchesPerStep, note: result.ours.error ?? '' },
    { id: 'cpu', engine: t('bench.engine.cpu', { engine: result.cpu.engine ?? '–' }), stepsPerSec: result.cpu.stepsPerSec, tokensPerSec: result.cpu.tokensPerSec, dispatches: null, note: result.cpu.error ?? '' },
    ...TF_BACKENDS.filter((b) => result.tfjsBackends[b]).map((b) => {
      const r = result.tfjsBackends[b];
      const note = r.error ?? (b === 'wasm' && 'simd' in r ? t('bench.wasmFlags', { simd: yesNo(r.simd), threads: yesNo(r.threads) }) : '');
      return { id: `tfjs-${b}`, engine: t('bench.engine.tf', { backend: t(`bench.backend.${b}`) }), stepsPerSec: r.stepsPerSec, tokensPerSec: r.tokensPerSec, dispatches: null, note };
    }),
  ];
  const em = result.stepsTo95;
  return (
    <>
      <Scroller captionId={captionId}>
        <table className="bench-table" data-testid="bench-train">
          <caption id={captionId}>{t('bench.trainTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bench.col.engine')}</th>
              <th scope="col">{t('bench.col.stepsPerSec')}</th>
              <th scope="col">{t('bench.col.tokensPerSec')}</th>
              <th scope="col">{t('bench.col.dispatches')}</th>
              <th scope="col">{t('bench.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-row={r.id}>
                <th scope="row">{r.engine}</th>
                <td>{fmt(r.stepsPerSec, 2, lang)}</td>
                <td>{fmt(r.tokensPerSec, 0, lang)}</td>
                <td>{fmt(r.dispatches, 0, lang)}</td>
                <td>{r.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
      {form && <p data-testid="bench-train-matmul">{form}</p>}
      {result.fastestPeer && (
        <p data-testid="bench-fastest-peer">
          {t('bench.fastestPeer', { backend: t(`bench.backend.${result.fastestPeer.backend}`), ratio: fmt(result.oursOverFastestPeer, 2, lang) })}
        </p>
      )}
      {em && (
        <p data-testid="bench-steps-to-95">
          {em.steps !== null
            ? t('bench.stepsTo95', { engine: em.engine, steps: em.steps, seconds: fmt(em.seconds, 0, lang) })
            : t('bench.stepsTo95Missed', { engine: em.engine, seconds: fmt(em.seconds, 0, lang), best: fmt(em.best * 100, 0, lang) })}
        </p>
      )}
    </>
  );
}
