// The probe sentence: edit it, watch its cross- and self-attention while training, and scrub
// back through the snapshots taken during the run to see how the alignment emerged.
import { useEffect, useId, useState } from 'react';
import { useText } from '../../i18n';
import { modelFamily, type ModelFamily } from '../../model/config';
import { useAppStore } from '../../store';
import type { ProbeInfo } from '../../train/events';
import type { TrainingLive } from '../../train/live';
import { AttentionFigure, type MapPick } from './AttentionFigure';
import { SelectField } from './fields';
import { useLiveVersion } from './useLive';

export function ProbePanel({ live, probeText }: { live: TrainingLive; probeText: string }) {
  const { t } = useText();
  const setProbe = useAppStore((s) => s.training.setProbe);
  const probe = useAppStore((s) => s.training.probe);
  const every = useAppStore((s) => s.training.config.cadence.attentionEvery);
  const family = useAppStore((s) => modelFamily(s.training.config.model));
  const [text, setText] = useState(probeText);
  const [shownFor, setShownFor] = useState(probeText);
  if (shownFor !== probeText) {
    setShownFor(probeText); // a restored session or another default: show it
    setText(probeText);
  }
  const inputId = useId();
  const problemId = useId();
  const shown = probe; // the engine's answer for the newest probe (problems included)

  return (
    <section className="train-panel train-probe" aria-labelledby="train-probe-title">
      <h2 id="train-probe-title">{t('train.probe.title')}</h2>
      <form
        className="train-probe__form"
        onSubmit={(e) => {
          e.preventDefault();
          void setProbe(text);
        }}
      >
        <label htmlFor={inputId}>{t('train.probe.label')}</label>
        <div className="train-probe__row">
          <input
            id={inputId}
            type="text"
            lang="en"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={problemId}
            aria-invalid={shown && !shown.ok ? true : undefined}
            data-testid="probe-input"
          />
          <button type="submit" className="button button--secondary" data-testid="probe-apply">
            {t('train.probe.apply')}
          </button>
        </div>
        <div id={problemId} className="train-probe__notes" role="status">
          <ProbeNotes info={shown} every={every} family={family} />
        </div>
      </form>
      <Replay live={live} every={every} />
    </section>
  );
}

function ProbeNotes({ info, every, family }: { info: ProbeInfo | null; every: number; family: ModelFamily }) {
  const { t } = useText();
  if (!info) return <p className="train-field__hint">{`${t('train.probe.hint', { every })} ${t('train.probe.pending')}`}</p>;
  if (!info.ok && info.problem) return <p className="train-field__error">{t(`data.source.${info.problem.code}`, info.problem)}</p>;
  return (
    <>
      <p className="train-field__hint">{`${t('train.probe.hint', { every })} ${
        family === 'encoder'
          ? t('families.train.probeEncoder')
          : family === 'decoder'
            ? t(info.target === 'reference' ? 'families.train.probeDecoderReference' : 'families.train.probeDecoderModel')
            : t(info.target === 'reference' ? 'train.probe.reference' : 'train.probe.model')
      }`}</p>
      {info.unknown.length > 0 && <p className="train-field__warn">{t('data.source.unknown', { count: info.unknown.length, words: info.unknown.join(', ') })}</p>}
    </>
  );
}

/** The snapshots of the run: a slider over them and the two attention figures of the chosen one. */
function Replay({ live, every }: { live: TrainingLive; every: number }) {
  const { t } = useText();
  useLiveVersion(live, 500);
  const snapshots = live.attention.list();
  // null follows the newest snapshot; a step holds the one the reader scrubbed to (by step:
  // the history thins itself when full, so indices move).
  const [held, setHeld] = useState<number | null>(null);
  const [cross, setCross] = useState<MapPick>({ layer: 0, head: 0 });
  const [selfPick, setSelfPick] = useState<MapPick>({ layer: 0, head: 0 });
  const [side, setSide] = useState<'enc-self' | 'dec-self'>('enc-self');
  const sliderId = useId();
  const count = snapshots.length;
  const heldIndex = held === null ? -1 : lastAtOrBefore(snapshots, held);
  useEffect(() => {
    if (held !== null && heldIndex < 0) setHeld(null); // a rollback removed it
  }, [held, heldIndex]);

  if (count === 0) return <p className="train-probe__empty">{t('train.probe.empty', { every })}</p>;
  const index = heldIndex >= 0 ? heldIndex : count - 1;
  const snapshot = snapshots[index];
  const last = snapshots[count - 1];
  // A one-stack family's snapshot has one self-attention (and no cross-attention).
  const blocks = new Set(snapshot.maps.map((m) => m.block));
  const bothSides = blocks.has('enc-self') && blocks.has('dec-self');
  const selfBlock = bothSides ? side : blocks.has('dec-self') ? 'dec-self' : 'enc-self';

  return (
    <div className="train-replay">
      {count > 1 ? (
        <div className="train-replay__slider">
          <label htmlFor={sliderId}>{t('train.probe.replay')}</label>
          <div className="train-replay__row">
            <span aria-hidden="true">{t('train.probe.replayFirst', { step: snapshots[0].step })}</span>
            <input
              id={sliderId}
              type="range"
              min={0}
              max={count - 1}
              step={1}
              value={index}
              aria-valuetext={t('train.probe.replayValue', { step: snapshot.step, index: index + 1, count })}
              onChange={(e) => {
                const i = Number(e.target.value);
                setHeld(i === count - 1 ? null : snapshots[i].step);
              }}
              data-testid="replay-slider"
              data-step={snapshot.step}
            />
            <span aria-hidden="true">{t('train.probe.replayLast', { step: last.step })}</span>
            <button type="button" className="button button--secondary button--small" disabled={held === null} onClick={() => setHeld(null)}>
              {t('train.probe.latest')}
            </button>
          </div>
          <p className="train-field__hint" data-testid="replay-position">
            {held === null ? t('train.probe.following') : t('train.probe.showing', { step: snapshot.step, last: last.step })}
          </p>
        </div>
      ) : (
        <p className="train-field__hint train-replay__single">{t('train.probe.single', { step: snapshot.step, every })}</p>
      )}
      <div className="train-replay__figures">
        {blocks.has('cross') && (
          <div>
            <h3>{t('train.probe.cross')}</h3>
            <AttentionFigure snapshot={snapshot} block="cross" pick={cross} onPick={setCross} testId="probe-cross" />
          </div>
        )}
        <div>
          <h3>{t('train.probe.self')}</h3>
          <AttentionFigure
            snapshot={snapshot}
            block={selfBlock}
            pick={selfPick}
            onPick={setSelfPick}
            testId="probe-self"
            picker={
              !bothSides ? undefined : (
              <SelectField<'enc-self' | 'dec-self'>
                label={t('train.probe.side')}
                value={side}
                options={[
                  { value: 'enc-self', label: t('train.probe.encoder') },
                  { value: 'dec-self', label: t('train.probe.decoder') },
                ]}
                onChange={setSide}
                testId="probe-self-side"
              />
              )
            }
          />
        </div>
      </div>
    </div>
  );
}

/** Index of the last snapshot taken at or before `step` (-1: none). */
function lastAtOrBefore(snapshots: readonly { step: number }[], step: number): number {
  let found = -1;
  for (let i = 0; i < snapshots.length && snapshots[i].step <= step; i++) found = i;
  return found;
}
