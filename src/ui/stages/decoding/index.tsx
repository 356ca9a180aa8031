// Stage `decoding`: the greedy steps that produced the translation.
import { fill } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatProb } from '../shared/format';
import { headDim } from '../shared/names';
import { texLines } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

function DecodingPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const steps = ctx.result.translation.steps;
  const c = ctx.config;
  return (
    <div>
      <Emphasis active={ctx.highlight === 'decode-loop' || ctx.highlight === 'teacher-forcing'}>
        <table className="data-table" data-testid="decoding-steps">
          <caption>{tx(text.caption)}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(text.step)}</th>
              <th scope="col">{tx(text.prefix)}</th>
              <th scope="col">{tx(text.chosen)}</th>
              <th scope="col">{tx(text.prob)}</th>
              <th scope="col">{tx(text.alternatives)}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s, t) => (
              <tr key={t}>
                <td className="num">{t + 1}</td>
                <td lang="zh-CN">{ctx.labels.target.slice(0, t + 1).join(' ')}</td>
                <td lang="zh-CN">
                  <strong>{s.token}</strong>
                </td>
                <td className="num">{formatProb(s.prob)}</td>
                <td lang="zh-CN">
                  {s.top
                    .slice(1)
                    .map((a) => `${a.token} ${formatProb(a.prob)}`)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Emphasis>
      <Emphasis active={ctx.highlight === 'kv-cache'}>
        <p>{fill(tx(text.cache), { layers: c.nDecoderLayers, heads: c.nHeads, dh: headDim(c) })}</p>
      </Emphasis>
    </div>
  );
}

export const decodingStage: StageDefinition = {
  id: 'decoding',
  title,
  explain,
  formula: (ctx) => {
    const n = ctx.result.translation.steps.length;
    return texLines(`y_t = \\arg\\max_{w} P(w \\mid y_{<t}, x),\\quad t = 1,\\dots,${n}`, `y_0 = \\langle\\text{bos}\\rangle,\\quad \\text{stop: } y_t = \\langle\\text{eos}\\rangle \\ \\text{or}\\ t = ${ctx.config.maxLen - 1}`);
  },
  kernels: ['matmul', 'softmax', 'elementwise'],
  traceNames: () => ['probs'],
  pickers: {},
  Panel: DecodingPanel,
};
