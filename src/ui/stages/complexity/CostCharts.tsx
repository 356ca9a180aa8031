// Time and memory of one encoder layer against n, drawn from the config's arithmetic, with
// this sentence's n and the crossovers marked; linear or logarithmic y.
import { useId, useMemo, useState } from 'react';
import { useText } from '../../../i18n';
import { LineChart, type LineMarker, type LineSeries } from '../../../viz';
import type { StageContext } from '../types';
import { text } from './content';
import { chartLimit, crossovers, layerCost, type LayerCost } from './costs';

export function CostCharts({ ctx, n }: { ctx: StageContext; n: number }) {
  const { text: tx } = useText();
  const checkId = useId();
  const [log, setLog] = useState(false);
  const c = ctx.config;
  const x = crossovers(c);
  const limit = chartLimit(c);
  const memoryLimit = Math.min(limit, Math.ceil((4 * x.memory) / 10) * 10);
  const { time, memory } = useMemo(() => {
    const series = (count: number, label: string, pick: (k: LayerCost) => number, dashed = false): LineSeries => {
      const ns = Float64Array.from({ length: count }, (_, i) => i + 1);
      return { label, x: ns, y: Float64Array.from(ns, (v) => pick(layerCost(c, v))), dashed };
    };
    return {
      time: [
        series(limit, tx(text.seriesAttention), (k) => k.attention),
        series(limit, tx(text.seriesFfn), (k) => k.ffn),
        series(limit, tx(text.seriesProjections), (k) => k.projections),
        series(limit, tx(text.seriesLinear), (k) => k.ffn + k.projections, true),
      ],
      memory: [series(memoryLimit, tx(text.seriesWeights), (k) => k.weights), series(memoryLimit, tx(text.seriesHidden), (k) => k.hidden)],
    };
  }, [c, limit, memoryLimit, tx]);
  const markers: LineMarker[] = [
    { x: n, label: tx(text.markerHere, { n }) },
    { x: x.ffn, label: tx(text.markerFfn, { f: x.ffn }) },
    { x: x.linear, label: tx(text.markerAll, { x: x.linear }) },
  ];
  const scale = log ? 'log' : 'linear';
  return (
    <div className="complexity-charts">
      <label className="complexity-charts__log" htmlFor={checkId}>
        <input id={checkId} type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} data-testid="complexity-log" /> {tx(text.logScale)}
      </label>
      <LineChart
        title={tx(text.chartTitle)}
        series={time}
        xLabel={tx(text.xLabel)}
        yLabel={tx(text.yLabel)}
        yScale={scale}
        markers={markers}
        xDomain={[1, limit]}
        digits={0}
        exportName="complexity-time"
        testId="complexity-chart"
      />
      <LineChart
        title={tx(text.memoryTitle)}
        series={memory}
        xLabel={tx(text.xLabel)}
        yLabel={tx(text.yMemory)}
        yScale={scale}
        markers={[markers[0], { x: x.memory, label: tx(text.markerMemory, { x: x.memory }) }]}
        xDomain={[1, memoryLimit]}
        height={220}
        digits={0}
        exportName="complexity-memory"
        testId="complexity-memory"
      />
    </div>
  );
}
