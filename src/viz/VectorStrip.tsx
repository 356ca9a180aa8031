// One vector (a token's embedding, a row of LayerNorm statistics…) as a strip of coloured
// cells: a one-row Heatmap, so it shares the legend, hover/keyboard values, table and export.
import type { ReactNode } from 'react';
import { useText } from '../i18n';
import { Heatmap } from './Heatmap';
import type { ColorScaleSpec } from './scales';

export interface VectorStripProps {
  values: readonly number[];
  /** What the vector belongs to, e.g. the token "cat"; the strip's row label. */
  label: string;
  title: string;
  /** Labels of the entries (default 0, 1, 2, …). */
  entryLabels?: readonly string[];
  /** Name of the entries' axis (default "dimension"). */
  axis?: string;
  /** Default: diverging, centred on 0. */
  scale?: ColorScaleSpec;
  legendLabel?: string;
  /** Entries to outline. */
  highlight?: number[];
  describeEntry?: (index: number) => string | ReactNode;
  digits?: number;
  exportName?: string;
  testId?: string;
}

export function VectorStrip(props: VectorStripProps) {
  const { t } = useText();
  const entryLabels = props.entryLabels ?? props.values.map((_, i) => String(i));
  const describe = props.describeEntry;
  return (
    <Heatmap
      values={[props.values]}
      rowLabels={[props.label]}
      colLabels={entryLabels}
      rowAxis=""
      colAxis={props.axis ?? t('viz.dimension')}
      title={props.title}
      scale={props.scale ?? { kind: 'diverging' }}
      legendLabel={props.legendLabel}
      highlight={props.highlight ? { cols: props.highlight } : undefined}
      describeCell={describe ? (_r, c) => describe(c) : undefined}
      digits={props.digits}
      exportName={props.exportName}
      testId={props.testId ?? 'vector-strip'}
    />
  );
}
