// One recorded entry of the training step's trace (a gradient 'grad:…' or a forward point)
// through viz/Heatmap: a colour scale centred on 0 unless told otherwise, and as many decimals
// as the values need (a trained model's gradients are often below 0.001), optionally only some
// rows and columns (a (T, V) map shows a few vocabulary columns). The numbers come straight
// from the trace.
import { useMemo } from 'react';
import type { Trace } from '../../../../model/trace';
import { Heatmap, type HeatmapProps } from '../../../../viz/Heatmap';
import { decimalsFor } from './gradStats';
import { selectMatrix } from './matrix';

export interface GradHeatmapProps extends Omit<HeatmapProps, 'values'> {
  trace: Trace;
  /** Trace name, e.g. 'grad:dec.1.self.scaled'. */
  name: string;
  /** Head index for (H, R, C) entries. */
  head?: number;
  /** Row indices to show, in order (default: all); rowLabels must match them. */
  rows?: readonly number[];
  /** Column indices to show, in order (default: all); colLabels must match them. */
  columns?: readonly number[];
}

export function GradHeatmap({ trace, name, head = 0, rows, columns, scale, digits, exportName, ...rest }: GradHeatmapProps) {
  const values = useMemo(() => {
    const m = trace.matrix(name, head);
    return rows || columns ? selectMatrix(m, rows, columns) : m;
  }, [trace, name, head, rows, columns]);
  const masked = rest.masked;
  const decimals = useMemo(() => digits ?? decimalsFor(values, masked), [digits, values, masked]);
  const file = exportName ?? `${name.replace(/^grad:/, 'grad.')}${trace.get(name).shape.length === 3 ? `.h${head}` : ''}`;
  return <Heatmap values={values} scale={scale ?? { kind: 'diverging' }} digits={decimals} exportName={file} {...rest} />;
}
