// The qkv stage: the layer's input X, the full projections Q, K, V (all heads side by side,
// the picked head's slice outlined), that head's slices on their own, and the shape drill.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { Heatmap, everyN, type ColorScaleSpec } from '../../../viz';
import { AfterFirstPaint } from '../shared/AfterFirstPaint';
import { AXES, selfAttentionKind } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { dimensionLabels } from '../shared/labels';
import { attentionName, headDim, lengthSymbol } from '../shared/names';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StageContext, StagePanelProps } from '../types';
import { text } from './content';
import { embedSource } from './texts';
import { layerInput } from './layerInput';
import { QkvWeights, headColumnLabels } from './QkvWeights';

const PARTS = [
  ['q', 'Q'],
  ['k', 'K'],
  ['v', 'V'],
] as const;

type Part = 'q' | 'k' | 'v';

/** (L, D) from the per-head (H, L, Dh) entry: head h fills columns h·Dh … h·Dh + Dh − 1. */
function fullWidth(ctx: Pick<StageContext, 'trace' | 'side' | 'layer'>, nHeads: number, part: Part): number[][] {
  const heads = Array.from({ length: nHeads }, (_, h) => ctx.trace.matrix(attentionName(ctx.side, ctx.layer, 'self', part), h));
  return heads[0].map((_, i) => heads.flatMap((m) => m[i]));
}

/** Q, K, V at full width and each one's colour bound, shared by the full map and the head's slice. */
function useProjections(ctx: StageContext): Record<Part, { values: number[][]; scale: ColorScaleSpec }> {
  const { trace, side, layer } = ctx;
  const nHeads = ctx.config.nHeads;
  return useMemo(() => {
    const one = (part: Part) => {
      const values = fullWidth({ trace, side, layer }, nHeads, part);
      const bound = Math.max(...values.flat().map(Math.abs));
      return { values, scale: { kind: 'diverging' as const, domain: [-bound, bound] as [number, number] } };
    };
    return { q: one('q'), k: one('k'), v: one('v') };
  }, [trace, side, layer, nHeads]);
}

function ShapeDrill({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const { dModel: d, nHeads: h } = ctx.config;
  const dh = headDim(ctx.config);
  const L = lengthSymbol(ctx.side);
  const n = ctx.side === 'enc' ? ctx.labels.source.length : ctx.labels.target.length;
  const v = { L, n, d, h, dh, dhm1: dh - 1 };
  return (
    <Emphasis active={ctx.highlight === 'qkv-shapes'} testId="qkv-shapes">
      <div className="stat-box">
        <p>
          <strong>{tx(text.shapesTitle)}</strong>
        </p>
        <p className="qkv-shape" data-testid="qkv-shape">
          {PARTS.map(([, m]) => (
            <code key={m}>{tx(text.shapeLine, { ...v, m })}</code>
          ))}
        </p>
        <ol className="qkv-drill">
          {[text.drill1, text.drill2, text.drill3, text.drill4, text.drill5].map((line, i) => (
            <li key={i}>{tx(line, v)}</li>
          ))}
        </ol>
      </div>
    </Emphasis>
  );
}

function FullProjection({ ctx, part, m, values, scale }: { ctx: StageContext; part: Part; m: string; values: number[][]; scale: ColorScaleSpec }) {
  const { text: tx } = useText();
  const dh = headDim(ctx.config);
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const colLabels = headColumnLabels(ctx.config.dModel, dh);
  const start = ctx.head * dh;
  return (
    <Heatmap
      values={values}
      rowLabels={labels}
      colLabels={colLabels}
      rowAxis={tx(AXES.position)}
      colAxis={tx(AXES.dimension)}
      title={tx(text.fullTitle, { m, h: ctx.config.nHeads })}
      scale={scale}
      legendLabel={tx(text.legend)}
      highlight={{ cols: Array.from({ length: dh }, (_, j) => start + j), label: tx(text.headBlock, { head: ctx.head }) }}
      dividers={{ cols: everyN(dh, ctx.config.dModel) }}
      describeCell={(r, c) =>
        tx(text.cellFull, { token: labels[r], d: ctx.config.dModel, col: c, m, j: c % dh, h: Math.floor(c / dh) })
      }
      exportName={`${attentionName(ctx.side, ctx.layer, 'self', part)}.full`}
      testId={`qkv-full-${part}`}
    />
  );
}

export function QkvPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const dh = headDim(ctx.config);
  const where = tx(text.which, { kind: tx(selfAttentionKind(ctx.side)), layer: ctx.layer, head: ctx.head });
  const input = layerInput(ctx.config, ctx.side, ctx.layer);
  const projections = useProjections(ctx);
  const source =
    input.source === 'embed' ? tx(embedSource(ctx.config)) : input.source === 'prev' ? tx(text.xSourcePrev, { prev: ctx.layer - 1 }) : tx(text.xSourceNorm);
  return (
    <div className="qkv-stage">
      <p>{where}</p>
      <ShapeDrill ctx={ctx} />
      <Emphasis active={ctx.highlight === 'qkv-projections'} testId="qkv-projections">
        <TraceHeatmap
          ctx={ctx}
          name={input.name}
          rowLabels={labels}
          colLabels={dimensionLabels(ctx.config.dModel)}
          rowAxis={tx(AXES.position)}
          colAxis={tx(AXES.dimension)}
          title={tx(text.xTitle, { source })}
          scale={{ kind: 'diverging' }}
          legendLabel={tx(text.legend)}
          describeCell={(r, c) => tx(text.cellX, { layer: ctx.layer, token: labels[r], dim: c })}
          testId="qkv-x"
        />
        <AfterFirstPaint minHeight="30rem">
          <QkvWeights ctx={ctx} />
        </AfterFirstPaint>
        <p className="muted">{tx(text.fullNote, { head: ctx.head })}</p>
        {PARTS.map(([part, m]) => (
          <FullProjection key={part} ctx={ctx} part={part} m={m} {...projections[part]} />
        ))}
      </Emphasis>
      <p className="muted">{tx(text.roles)}</p>
      <div className="qkv-heads">
        {PARTS.map(([part, m]) => (
          <TraceHeatmap
            key={part}
            ctx={ctx}
            name={attentionName(ctx.side, ctx.layer, 'self', part)}
            head={ctx.head}
            rowLabels={labels}
            colLabels={dimensionLabels(dh)}
            rowAxis={tx(AXES.position)}
            colAxis={tx(AXES.headDim)}
            title={tx(text.headTitle, { m, head: ctx.head })}
            scale={projections[part].scale}
            legendLabel={tx(text.legend)}
            describeCell={(_r, c) => tx(text.cellHead, { col: ctx.head * dh + c, m, h: ctx.head, start: ctx.head * dh })}
            testId={`qkv-${part}`}
          />
        ))}
      </div>
    </div>
  );
}
