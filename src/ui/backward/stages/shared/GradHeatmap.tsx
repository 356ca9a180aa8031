// One recorded entry of the training step's trace (a gradient 'grad:…' or a forward point)
// through viz/Heatmap: a colour scale centred on 0 unless told otherwise, and as many decimals
// as the values need (a trained model's gradients are often below 0.001). The numbers come
// straight from the trace.
import { useMemo } from 'react';
import type { Trace } from '../../../../model/trace';
import { Heatmap, type HeatmapProps } from '../../../../viz/Heatmap';
import { decimalsFor } from './gradStats';

export interface GradHeatmapProps extends Omit<HeatmapProps, 'values'> {
  trace: Trace;
  /** Trace name, e.g. 'grad:dec.1.self.scaled'. */
  name: string;
  /** Head index for (H, R, C) entries. */
  head?: number;
}

export function GradHeatmap({ trace, name, head = 0, scale, digits, exportName, ...rest }: GradHeatmapProps) {
  const values = useMemo(() => trace.matrix(name, head), [trace, name, head]);
  const masked = rest.masked;
  const decimals = useMemo(() => digits ?? decimalsFor(values, masked), [digits, values, masked]);
  const file = exportName ?? `${name.replace(/^grad:/, 'grad.')}${trace.get(name).shape.length === 3 ? `.h${head}` : ''}`;
  return <Heatmap values={values} scale={scale ?? { kind: 'diverging' }} digits={decimals} exportName={file} {...rest} />;
}
