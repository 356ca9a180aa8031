// One family's column of the compare view: what it reads and outputs, one attention head
// (block, layer and head selectable; kept in the URL), the masks its attention uses (drawn
// from the recorded masked scores, each with a table) and its parameters by part.
import { useEffect, useId, useMemo, useRef } from 'react';
import { useText } from '../../i18n';
import type { FamilyId } from '../../model/stageIds';
import type { FamilyCompare } from '../../store/slices/compare';
import type { WalkthroughResult } from '../../store/walkthroughResult';
import { Heatmap } from '../../viz';
import { stageById } from '../stages';
import { maskedCells } from '../stages/shared/attention';
import { AttentionWeights } from '../stages/shared/AttentionWeights';
import { formatProb } from '../stages/shared/format';
import { attentionName, layerCount } from '../stages/shared/names';
import type { Side, StageContext } from '../stages/types';
import { readParams } from '../walkthrough/params';
import { buildStageContext } from '../walkthrough/stageContext';
import { BLOCK_MASK, FAMILY_BLOCKS, parameterSummary, type ColumnPicks, type CompareBlock } from './compareData';

const SIDE_OF: Record<CompareBlock, Side> = { 'enc-self': 'enc', 'dec-self': 'dec', cross: 'dec' };

/** A StageContext over the result, for the shared attention drawing (no stage of its own). */
function useColumnContext(result: WalkthroughResult, lang: 'en' | 'zh'): StageContext {
  return useMemo(() => {
    const stage = stageById('heads');
    const route = { view: 'walkthrough' as const, stage: stage.id, query: [] };
    return buildStageContext(result, stage, readParams(route), lang, () => undefined);
  }, [result, lang]);
}

function Tokens({ tokens, lang, testId }: { tokens: readonly string[]; lang: string; testId: string }) {
  return (
    <ol className="tokens compare-tokens" lang={lang} data-testid={testId}>
      {tokens.map((t, i) => (
        <li key={i} className={`token${t === '<mask>' ? ' token--mask' : t.startsWith('<') ? ' token--special' : ''}`}>
          {t}
        </li>
      ))}
    </ol>
  );
}

function Output({ family, result }: { family: FamilyId; result: WalkthroughResult }) {
  const { t } = useText();
  const f = result.fill;
  if (family === 'encoder' && f) {
    const m = f.masks[0];
    return (
      <div data-testid="compare-output-encoder">
        <p>
          <strong>{t('families.compare.fill')}:</strong> <span lang="en">{m?.top[0]?.token ?? '—'}</span>
        </p>
        {m && (
          <table className="data-table" data-testid="compare-fill-top">
            <caption>{t('families.compare.fillTop')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('families.compare.rank')}</th>
                <th scope="col">{t('families.compare.word')}</th>
                <th scope="col">{t('families.compare.probability')}</th>
              </tr>
            </thead>
            <tbody>
              {m.top.map((w, i) => (
                <tr key={i}>
                  <td className="num">{i + 1}</td>
                  <th scope="row" lang="en">
                    {w.token}
                  </th>
                  <td className="num">{formatProb(w.prob)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    );
  }
  const label = family === 'decoder' ? t('families.compare.continuation') : t('families.compare.translation');
  return (
    <p data-testid={`compare-output-${family}`}>
      <strong>{label}:</strong>{' '}
      <span lang="zh-CN" data-testid="compare-output-text">
        {result.translation.text}
      </span>
      {!result.translation.finished && <span className="muted"> ({t('families.compare.unfinished')})</span>}
    </p>
  );
}

function AttentionPicker({ family, ctx, picks, onPick }: { family: FamilyId; ctx: StageContext; picks: ColumnPicks; onPick: (key: 'block' | 'layer' | 'head', value: string | number) => void }) {
  const { t } = useText();
  const layerId = useId();
  const headId = useId();
  const blocks = FAMILY_BLOCKS[family];
  const side = SIDE_OF[picks.block];
  const layers = layerCount(ctx.config, side);
  const layer = Math.min(picks.layer ?? layers - 1, layers - 1);
  const head = Math.min(picks.head, ctx.config.nHeads - 1);
  const title = t('families.compare.heatmapTitle', { block: t(`families.compare.blocks.${picks.block}`), layer, head });
  return (
    <section className="compare-attention" aria-label={t('families.compare.attention')}>
      <h3>{t('families.compare.attention')}</h3>
      <div className="compare-pickers">
        {blocks.length > 1 && (
          <fieldset className="compare-pickers__blocks">
            <legend>{t('families.compare.block')}</legend>
            {blocks.map((b) => (
              <label key={b}>
                <input type="radio" name={`compare-block-${family}`} value={b} checked={b === picks.block} onChange={() => onPick('block', b)} />
                {t(`families.compare.blocks.${b}`)}
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor={layerId}>{t('families.compare.layer')}</label>
        <select id={layerId} value={layer} onChange={(e) => onPick('layer', Number(e.target.value))} data-testid={`compare-layer-${family}`}>
          {Array.from({ length: layers }, (_, l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <label htmlFor={headId}>{t('families.compare.head')}</label>
        <select id={headId} value={head} onChange={(e) => onPick('head', Number(e.target.value))} data-testid={`compare-head-${family}`}>
          {Array.from({ length: ctx.config.nHeads }, (_, h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </div>
      <AttentionWeights
        ctx={ctx}
        side={side}
        layer={layer}
        block={picks.block === 'cross' ? 'cross' : 'self'}
        head={head}
        title={title}
        dividers={family === 'decoder' && ctx.result.promptLength ? { rows: [ctx.result.promptLength], cols: [ctx.result.promptLength] } : undefined}
        testId={`compare-heatmap-${family}`}
      />
    </section>
  );
}

/** One block's mask, drawn from what the model recorded (layer 0, head 0): hatched = masked. */
function MaskDrawing({ ctx, block, family }: { ctx: StageContext; block: CompareBlock; family: FamilyId }) {
  const { t } = useText();
  const side = SIDE_OF[block];
  const name = attentionName(side, 0, block === 'cross' ? 'cross' : 'self', 'masked');
  const masked = useMemo(() => maskedCells(ctx.trace, name, 0), [ctx.trace, name]);
  const rows = side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const cols = block === 'dec-self' ? ctx.labels.target : ctx.labels.source;
  const values = useMemo(() => rows.map(() => cols.map(() => 1)), [rows, cols]);
  const kind = BLOCK_MASK[block];
  return (
    <Heatmap
      values={values}
      rowLabels={rows}
      colLabels={cols}
      rowAxis={t('families.compare.maskTable')}
      colAxis={''}
      title={t(`families.compare.maskKind.${kind}`)}
      masked={masked}
      scale={{ kind: 'sequential', domain: [0, 1] }}
      legendLabel={t('families.compare.allowed')}
      describeCell={(r, c) => (masked(r, c) ? t('families.compare.masked') : t('families.compare.allowed'))}
      digits={0}
      exportName={`${family}.${name}`}
      testId={`compare-mask-${family}-${block}`}
    />
  );
}

function Parameters({ result }: { result: WalkthroughResult }) {
  const { t } = useText();
  const summary = useMemo(() => parameterSummary(result.config, result.vocabSizes), [result]);
  return (
    <table className="data-table" data-testid={`compare-params-${result.family}`} data-total={summary.total}>
      <caption>{t('families.compare.parameters')}</caption>
      <tbody>
        {summary.parts.map((p) => (
          <tr key={p.side}>
            <th scope="row">{t(`families.compare.sides.${p.side}`)}</th>
            <td className="num">{p.total.toLocaleString('en-US')}</td>
          </tr>
        ))}
        <tr className="row--current">
          <th scope="row">{t('families.compare.total')}</th>
          <td className="num">{summary.total.toLocaleString('en-US')}</td>
        </tr>
      </tbody>
    </table>
  );
}

function ColumnBody({ family, result, picks, onPick }: { family: FamilyId; result: WalkthroughResult; picks: ColumnPicks; onPick: (key: 'block' | 'layer' | 'head', value: string | number) => void }) {
  const { t, lang } = useText();
  const ctx = useColumnContext(result, lang);
  const input = family === 'decoder' ? ctx.labels.target.slice(0, result.promptLength ?? 0) : ctx.labels.source;
  const unknown = result.prepared.unknown.map((i) => result.prepared.tokens[i]);
  return (
    <>
      <h3 className="compare-col__sub">{t('families.compare.input')}</h3>
      <Tokens tokens={input} lang="en" testId={`compare-input-${family}`} />
      {unknown.length > 0 && <p className="note note--warn">{t('families.compare.unknownWords', { words: unknown.join(', ') })}</p>}
      <h3 className="compare-col__sub">{t('families.compare.output')}</h3>
      <Output family={family} result={result} />
      <AttentionPicker family={family} ctx={ctx} picks={picks} onPick={onPick} />
      <section aria-label={t('families.compare.masks')}>
        <h3>{t('families.compare.masks')}</h3>
        <p className="muted">{t('families.compare.masksIntro')}</p>
        {FAMILY_BLOCKS[family].map((b) => (
          <MaskDrawing key={b} ctx={ctx} block={b} family={family} />
        ))}
      </section>
      <Parameters result={result} />
    </>
  );
}

export function FamilyColumn({
  family,
  state,
  picks,
  onPick,
  walkthroughHref,
  focused = false,
}: {
  family: FamilyId;
  /** The column a study card asks about: outlined and scrolled into view. */
  focused?: boolean;
  state: FamilyCompare;
  picks: ColumnPicks;
  onPick: (key: 'block' | 'layer' | 'head', value: string | number) => void;
  walkthroughHref: string;
}) {
  const { t } = useText();
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  const { result, problem, status } = state;
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'start' });
  }, [focused]);
  const shown = result && result.family === family ? result : null;
  return (
    <section
      ref={ref}
      className={`compare-col${focused ? ' compare-col--focused' : ''}`}
      aria-labelledby={headingId}
      data-testid={`compare-col-${family}`}
      data-status={status}
      data-focused={focused || undefined}
    >
      <h2 id={headingId}>
        {t(`families.name.${family}`)} <span className="compare-col__like">· {t(`families.like.${family}`)}</span>
      </h2>
      <p className="muted">{t(`families.task.${family}`)}</p>
      <p className="compare-col__status" role="status">
        {status === 'running' ? t('families.compare.computing') : status === 'waiting' ? t('families.compare.waiting') : ''}
      </p>
      {problem?.kind === 'failed' && <p className="note note--warn">{t('families.compare.failed', { message: problem.message })}</p>}
      {problem?.kind === 'no-model' && <p className="note note--warn">{t('families.compare.noModel')}</p>}
      {problem?.kind === 'empty' && <p className="note">{t('families.compare.empty')}</p>}
      {shown && <ColumnBody family={family} result={shown} picks={picks} onPick={onPick} />}
      <p>
        <a href={walkthroughHref} data-testid={`compare-open-${family}`}>
          {t('families.compare.openWalkthrough', { family: t(`families.name.${family}`) })}
        </a>
      </p>
    </section>
  );
}
