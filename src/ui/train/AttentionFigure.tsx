// One attention map of a probe snapshot as a Heatmap, with its layer and head pickers:
// cross-attention (target × source) or self-attention (encoder: source × source; decoder:
// target × target, causal — the future is hatched as masked).
import { useMemo, type ReactNode } from 'react';
import { useText } from '../../i18n';
import { attentionMatrix, type AttentionBlock, type AttentionSnapshot } from '../../train/attention';
import { formatFixed, Heatmap } from '../../viz';
import { SelectField } from './fields';

export interface MapPick {
  layer: number;
  head: number;
}

export function AttentionFigure({
  snapshot,
  block,
  pick,
  onPick,
  picker,
  testId,
}: {
  snapshot: AttentionSnapshot;
  block: AttentionBlock;
  pick: MapPick;
  onPick: (p: MapPick) => void;
  /** Another picker shown before layer and head (encoder or decoder). */
  picker?: ReactNode;
  testId: string;
}) {
  const { t } = useText();
  const maps = snapshot.maps.filter((m) => m.block === block);
  const layer = Math.min(pick.layer, Math.max(0, maps.length - 1));
  const map = maps.find((m) => m.layer === layer) ?? maps[0];
  const head = map ? Math.min(pick.head, map.heads - 1) : 0;
  const values = useMemo(() => (map ? attentionMatrix(map, head) : []), [map, head]);
  if (!map) return null;

  const src = snapshot.srcTokens;
  const tgt = snapshot.tgtTokens;
  const rows = block === 'enc-self' ? src : tgt;
  const cols = block === 'cross' || block === 'enc-self' ? src : tgt;
  const rowAxis = block === 'enc-self' ? t('train.probe.sourceQuery') : t('train.probe.targetQuery');
  const colAxis = block === 'dec-self' ? t('train.probe.targetKey') : t('train.probe.sourceKey');
  const titleKey = block === 'cross' ? 'train.probe.crossTitle' : block === 'enc-self' ? 'train.probe.encTitle' : 'train.probe.decTitle';
  const title = t(titleKey, { layer: layer + 1, head: head + 1, step: snapshot.step });
  const numbered = (n: number) => Array.from({ length: n }, (_, i) => ({ value: String(i), label: t('train.probe.option', { n: i + 1 }) }));

  return (
    <div className="train-attention">
      <div className="train-attention__pickers">
        {picker}
        <SelectField label={t('train.probe.layer')} value={String(layer)} options={numbered(maps.length)} onChange={(v) => onPick({ layer: Number(v), head })} testId={`${testId}-layer`} />
        <SelectField label={t('train.probe.head')} value={String(head)} options={numbered(map.heads)} onChange={(v) => onPick({ layer, head: Number(v) })} testId={`${testId}-head`} />
      </div>
      <Heatmap
        values={values}
        rowLabels={rows}
        colLabels={cols}
        rowAxis={rowAxis}
        colAxis={colAxis}
        title={title}
        masked={block === 'dec-self' ? (r, c) => c > r : undefined}
        scale={{ kind: 'sequential', domain: [0, 1] }}
        legendLabel={t('train.probe.weight')}
        describeCell={(r, c) => t('train.probe.cell', { row: rows[r], col: cols[c], w: formatFixed(values[r][c], 3) })}
        exportName={`${block}.${layer}.h${head}.step${snapshot.step}`}
        testId={testId}
      />
    </div>
  );
}
