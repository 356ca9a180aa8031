// A recorded trace entry drawn with the shared Heatmap: the panel names the entry, the head
// (for (H, R, C) entries) and the labels; the numbers come straight from the trace.
import { useMemo } from 'react';
import { Heatmap, type HeatmapProps } from '../../../viz/Heatmap';
import type { StageContext } from '../types';

export interface TraceHeatmapProps extends Omit<HeatmapProps, 'values'> {
  ctx: StageContext;
  /** Trace name, e.g. 'enc.0.self.scaled'. */
  name: string;
  /** Head index for (H, R, C) entries. */
  head?: number;
}

export function TraceHeatmap({ ctx, name, head = 0, ...rest }: TraceHeatmapProps) {
  const values = useMemo(() => ctx.trace.matrix(name, head), [ctx.trace, name, head]);
  return <Heatmap values={values} exportName={rest.exportName ?? `${name}${ctx.trace.get(name).shape.length === 3 ? `.h${head}` : ''}`} {...rest} />;
}
