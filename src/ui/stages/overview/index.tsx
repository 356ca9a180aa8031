// Stage `overview`: the encoder-decoder as blocks (each opens its stage) and the three model
// families placed on it.
import { parameterEntries } from '../../../model/parameters';
import { fill } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { texLines, texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { decoderBlocks, encoderBlocks, explain, text, title, type Block } from './content';

function BlockColumn({ heading, blocks, ctx }: { heading: string; blocks: Block[]; ctx: StagePanelProps['ctx'] }) {
  const tx = useBilingual();
  return (
    <div className="overview__stack">
      <p className="overview__stack-title">{heading}</p>
      <ol className="overview__blocks">
        {blocks.map((b, i) => (
          <li key={i}>
            <button type="button" className="overview__block" onClick={() => ctx.goToStage(b.stage)} data-stage={b.stage}>
              {tx(b.label)}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

function SizesTable({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const c = ctx.config;
  const v = ctx.result.vocabSizes;
  const params = parameterEntries(c, v).reduce((n, e) => n + e.shape.reduce((a, b) => a * b, 1), 0);
  const rows: Array<[string, string]> = [
    [tx(text.sizeD), String(c.dModel)],
    [tx(text.sizeH), `${c.nHeads} (Dh = ${c.dModel / c.nHeads})`],
    [tx(text.sizeLayers), `${c.nEncoderLayers} + ${c.nDecoderLayers}`],
    [tx(text.sizeF), String(c.dFF)],
    [tx(text.sizeVocab), `${v.src} / ${v.tgt}`],
    [tx(text.sizeLen), String(c.maxLen)],
    [tx(text.sizeParams), params.toLocaleString('en-US')],
  ];
  return (
    <table className="data-table" data-testid="overview-sizes">
      <caption>{tx(text.sizesCaption)}</caption>
      <tbody>
        {rows.map(([k, val]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td className="num">{val}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OverviewPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const c = ctx.config;
  return (
    <div className="overview">
      <SizesTable ctx={ctx} />
      <Emphasis active={ctx.highlight === 'encoder-decoder-blocks'}>
        <p className="muted">{tx(text.clickHint)}</p>
        <div className="overview__diagram">
          <BlockColumn heading={fill(tx(text.encoder), { n: c.nEncoderLayers })} blocks={encoderBlocks} ctx={ctx} />
          <p className="overview__memory">→ {tx(text.memory)} →</p>
          <BlockColumn heading={fill(tx(text.decoder), { n: c.nDecoderLayers })} blocks={decoderBlocks} ctx={ctx} />
        </div>
      </Emphasis>
      <Emphasis active={ctx.highlight === 'model-families'}>
        <h3>{tx(text.familiesTitle)}</h3>
        <ul>
          <li>{tx(text.encDec)}</li>
          <li>{tx(text.encOnly)}</li>
          <li>{tx(text.decOnly)}</li>
        </ul>
      </Emphasis>
    </div>
  );
}

export const overviewStage: StageDefinition = {
  id: 'overview',
  title,
  explain,
  formula: (ctx) => {
    const S = ctx.labels.source.length;
    const T = ctx.labels.target.length;
    const V = ctx.result.vocabSizes.tgt;
    return texLines(
      `P(y_t \\mid y_{<t}, x) = \\operatorname{softmax}\\big(\\operatorname{Decoder}(y_{<t}, \\operatorname{Encoder}(x))\\, W_{\\text{out}}\\big)`,
      `x: ${texShape([['S', S]])},\\quad \\operatorname{Encoder}(x): ${texShape([['S', S], ['D', ctx.config.dModel]])},\\quad \\text{logits}: ${texShape([['T', T], ['V', V]])}`,
    );
  },
  kernels: ['embedding', 'matmul', 'softmax', 'layernorm', 'activation', 'elementwise'],
  // The whole pass: the overview stands for all of it.
  traceNames: (ctx) => ctx.trace.names(),
  pickers: {},
  Panel: OverviewPanel,
};
