// The parameters the gradient has passed in this stage, in the order it reaches them, and
// (ReLU) the columns of ∂L/∂W₁ that stayed zero.
import { useMemo } from 'react';
import { useText } from '../../../../i18n';
import type { BackwardStageContext } from '../../types';
import { ParamGradTable } from '../shared/ParamGradTable';
import { text } from './content';
import type { OutputGradNames } from './names';
import { deadColumns } from './stats';
import { deadText } from './texts';

export function WeightGradTable({ ctx, names }: { ctx: BackwardStageContext; names: OutputGradNames }) {
  const { text: tx } = useText();
  const { dModel: D, dFF: F } = ctx.config;
  const p = names.params;
  const dead = useMemo(() => {
    const g = ctx.grad(p.w1);
    return g && ctx.config.activation === 'relu' ? deadColumns(g.data, D, F, ctx.trace.matrix(names.ffn.act)) : null;
  }, [ctx, p.w1, D, F, names.ffn.act]);
  return (
    <section aria-labelledby="output-grad-weights">
      <h3 id="output-grad-weights">{tx(text.weightsTitle)}</h3>
      <p>{tx(text.weightsIntro)}</p>
      <ParamGradTable
        ctx={ctx}
        names={[p.out, p.outBias, p.gamma, p.beta, p.w2, p.b2, p.w1, p.b1]}
        caption={tx(text.weightsCaption)}
        testId="output-grad-weights"
      />
      {dead && (
        <p className="muted" data-testid="output-grad-dead">
          {tx(deadText(F, dead))}
        </p>
      )}
    </section>
  );
}
