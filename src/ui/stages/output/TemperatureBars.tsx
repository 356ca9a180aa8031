// Top-k bars of one position, at τ = 1 (the recorded probabilities) or recomputed from the
// recorded logits at another temperature, with a slider for τ.
import { useId, useMemo, useState } from 'react';
import { useText } from '../../../i18n';
import { BarChart } from '../../../viz';
import type { StageContext } from '../types';
import { text } from './content';
import { entropy, softmaxAt, topK } from './distribution';

/** The slider works in twentieths: τ = step / 20, from 0.05 to 3. */
const STEPS_PER_UNIT = 20;

export function TemperatureBars({ ctx, position, k }: { ctx: StageContext; position: number; k: number }) {
  const { text: tx } = useText();
  const sliderId = useId();
  const [step, setStep] = useState(STEPS_PER_UNIT);
  const tau = step / STEPS_PER_UNIT;
  const vocab = ctx.result.vocabTokens.tgt;
  const logits = useMemo(() => ctx.trace.matrix('logits')[position], [ctx.trace, position]); // (V)
  const recorded = useMemo(() => ctx.trace.matrix('probs')[position], [ctx.trace, position]); // (V)
  const probs = useMemo(() => (step === STEPS_PER_UNIT ? recorded : softmaxAt(logits, tau)), [step, recorded, logits, tau]);
  const ranked = topK(probs, k);
  const reads = ctx.labels.target[position];
  const title = tx(step === STEPS_PER_UNIT ? text.barTitleRecorded : text.barTitleTau, { k, reads, t: position, tau: tau.toFixed(2) });
  return (
    <div className="output-tau">
      <div className="output-tau__control">
        <label htmlFor={sliderId}>{tx(text.tau)}</label>
        <input
          id={sliderId}
          type="range"
          min={1}
          max={3 * STEPS_PER_UNIT}
          step={1}
          value={step}
          onChange={(e) => setStep(Number(e.target.value))}
          aria-valuetext={`τ = ${tau.toFixed(2)}`}
          data-testid="output-tau"
        />
        <output htmlFor={sliderId} data-testid="output-tau-value">
          τ = {tau.toFixed(2)}
        </output>
        <button type="button" className="button button--secondary button--small" onClick={() => setStep(STEPS_PER_UNIT)} disabled={step === STEPS_PER_UNIT}>
          {tx(text.tauReset)}
        </button>
      </div>
      <p className="muted">{tx(text.tauNote)}</p>
      <BarChart
        title={title}
        items={ranked.map((r) => ({ label: vocab[r.index], value: r.prob }))}
        chosen={0}
        exportName={`probs.t${position}.tau${tau.toFixed(2)}`}
        testId="output-bars"
      />
      <p className="muted">
        {tx(text.entropy, { h: entropy(probs).toFixed(3), v: vocab.length, max: Math.log(vocab.length).toFixed(3) })}
      </p>
    </div>
  );
}
