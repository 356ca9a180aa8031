// "Check numerically": a few entries of a gradient the stage shows against central finite
// differences of the loss, run by the backward service on the CPU engine (float32, h = 1e-2):
// a table of entry, backward value, difference quotient, |difference|, relative error and a
// verdict, and how many agree.
import { useId, useState } from 'react';
import { agrees, AGREE_ABS, AGREE_REL, CHECK_LARGEST, CHECK_RANDOM } from '../../app/backward';
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import type { BackwardResult, NumericCheckView } from '../../store/backwardResult';
import type { ProbeResult } from '../../train/finiteDifference';
import { formatSmall, formatValue } from '../stages/shared/format';
import type { NumericCheckTarget } from './types';

/** The entry's coordinates in its tensor: (t, v) of a (T, V) gradient, (h, r, c) of (H, R, C)… */
export function entryCoordinates(shape: readonly number[] | undefined, index: number): number[] {
  if (!shape || shape.length === 0) return [index];
  const out: number[] = [];
  let rest = index;
  for (let d = shape.length - 1; d >= 0; d--) {
    out.unshift(rest % shape[d]);
    rest = Math.floor(rest / shape[d]);
  }
  return out;
}

function shapeOf(result: BackwardResult, probe: ProbeResult): readonly number[] | undefined {
  const { target } = probe;
  return target.kind === 'point' ? result.trace.get(`grad:${target.name}`).shape : result.parameters.shapes.get(target.name);
}

export function NumericCheck({ targets, result }: { targets: readonly NumericCheckTarget[]; result: BackwardResult }) {
  const { t, text: tx } = useText();
  const selectId = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const name = targets.find((c) => c.name === picked)?.name ?? targets[0]?.name;
  const state = useAppStore((s) => (name ? s.backward.checks[name] : undefined));
  const checkNumerically = useAppStore((s) => s.backward.checkNumerically);
  if (!name) return null;
  const running = state?.status === 'running';
  const engine = result.backend.kind === 'webgpu' ? `WebGPU, ${result.backend.name}` : 'CPU';
  return (
    <section className="check" aria-labelledby="check-heading" data-testid="numeric-check">
      <h3 id="check-heading">{t('backward.check.heading')}</h3>
      <p>{t('backward.check.intro', { largest: CHECK_LARGEST, random: CHECK_RANDOM })}</p>
      <div className="check__controls">
        {targets.length > 1 ? (
          <>
            <label htmlFor={selectId}>{t('backward.check.target')}</label>
            <select id={selectId} value={name} onChange={(e) => setPicked(e.target.value)} data-testid="check-target">
              {targets.map((c) => (
                <option key={c.name} value={c.name}>
                  {tx(c.label)}
                </option>
              ))}
            </select>
          </>
        ) : (
          <span className="check__target">{tx(targets[0].label)}</span>
        )}
        <button type="button" className="button" onClick={() => checkNumerically(name)} disabled={running} data-testid="check-run">
          {t('backward.check.run')}
        </button>
      </div>
      <p role="status" className="check__status" data-testid="check-status" data-status={state?.status ?? 'idle'}>
        {running ? t('backward.check.running') : ''}
      </p>
      {state?.status === 'failed' && <p className="note note--warn">{t('backward.check.failed', { message: state.error ?? '' })}</p>}
      {state?.view && <CheckTable view={state.view} result={result} />}
      <p className="muted">{t('backward.check.note', { h: state?.view?.h ?? 0.01, engine })}</p>
    </section>
  );
}

function CheckTable({ view, result }: { view: NumericCheckView; result: BackwardResult }) {
  const { t } = useText();
  const agree = view.probes.filter(agrees).length;
  return (
    <>
      <table className="data-table" data-testid="check-table">
        <caption>{t('backward.check.caption', { name: view.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backward.check.entry')}</th>
            <th scope="col">{t('backward.check.at')}</th>
            <th scope="col">{t('backward.check.analytic')}</th>
            <th scope="col">{t('backward.check.numeric')}</th>
            <th scope="col">{t('backward.check.absDiff')}</th>
            <th scope="col">{t('backward.check.relError')}</th>
            <th scope="col">{t('backward.check.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {view.probes.map((p) => {
            const ok = agrees(p);
            return (
              <tr key={p.target.index} data-agrees={ok}>
                <th scope="row" className="num">
                  {p.target.index}
                </th>
                <td className="num">({entryCoordinates(shapeOf(result, p), p.target.index).join(', ')})</td>
                <td className="num">{formatValue(p.analytic, 6)}</td>
                <td className="num">{formatValue(p.numeric, 6)}</td>
                <td className="num">{formatSmall(p.absError)}</td>
                <td className="num">{formatSmall(p.relError)}</td>
                <td className={ok ? 'check__ok' : 'check__bad'}>{ok ? `✓ ${t('backward.check.agree')}` : `✗ ${t('backward.check.disagree')}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p data-testid="check-summary" data-agree={agree} data-total={view.probes.length}>
        {t('backward.check.summary', { agree, total: view.probes.length, rel: AGREE_REL, abs: AGREE_ABS })}
      </p>
    </>
  );
}
