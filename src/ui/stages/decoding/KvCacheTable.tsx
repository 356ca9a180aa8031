// The KV cache at one step, per decoder layer: what is kept (and grows by a row), what is
// new, and what was computed once from the encoder output. Shapes from the config.
import { useText } from '../../../i18n';
import { Emphasis } from '../shared/Emphasis';
import { firstStepPosition } from '../shared/labels';
import { hasCross, headDim } from '../shared/names';
import type { StageContext } from '../types';
import { text } from './content';

const shape = (...dims: number[]) => `(${dims.join(', ')})`;

export function KvCacheTable({ ctx, step }: { ctx: StageContext; step: number }) {
  const { text: tx } = useText();
  const { nHeads: H, nDecoderLayers: L, dModel: D } = ctx.config;
  const dh = headDim(ctx.config);
  const S = ctx.labels.source.length;
  const cross = hasCross(ctx.config);
  // The decoder-only model's first step runs the whole prompt at once and caches its rows.
  const o = firstStepPosition(ctx.result);
  const rows = o + step + 1; // positions 0…o + step after this step's append
  const growth = step === 0 ? (o > 0 ? tx(text.kvPrefill, { rows }) : tx(text.kvFirst)) : tx(text.kvCached, { old: o + step });
  const lines: [string, string, string][] = [
    [tx(text.kvSelfK), shape(H, rows, dh), growth],
    [tx(text.kvSelfV), shape(H, rows, dh), growth],
    [tx(text.kvNew), `3 × ${shape(H, step === 0 ? rows : 1, dh)}`, tx(text.kvNow)],
    [tx(text.kvWeights), shape(H, step === 0 ? rows : 1, rows), tx(text.kvNow)],
    ...(cross ? [[tx(text.kvCrossKV), `2 × ${shape(H, S, dh)}`, tx(text.kvOnce)] as [string, string, string]] : []),
  ];
  return (
    <Emphasis active={ctx.highlight === 'kv-cache'} testId="decoding-kv-section">
      <h3>{tx(text.kvTitle)}</h3>
      <table className="data-table" data-testid="decoding-kv">
        <caption>{tx(text.kvCaption, { n: step + 1, h: H, dh })}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.kvWhat)}</th>
            <th scope="col">{tx(text.kvShape)}</th>
            <th scope="col">{tx(text.kvWhen)}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(([what, sh, when], i) => (
            <tr key={what} className={i === 2 || i === 3 ? 'row--current' : undefined}>
              <th scope="row">{what}</th>
              <td className="num">{sh}</td>
              <td>{when}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {cross
          ? tx(text.kvTotal, { layers: L, rows, d: D, numbers: 2 * L * rows * D, s: S, cross: 2 * L * S * D, saving: rows > 1 ? tx(text.kvSaves, { rows }) : tx(text.kvNothingYet) })
          : tx(text.kvTotalNoCross, { layers: L, rows, d: D, numbers: 2 * L * rows * D, saving: step > 0 ? tx(text.kvSaves, { rows }) : tx(text.kvNothingYet) })}
      </p>
    </Emphasis>
  );
}
