// Sampling instead of the argmax: the settings, one step's distributions before and after
// temperature and the cut (live as the sliders move: host arithmetic on the step's recorded
// logits), and the seeded sampled translation when the URL asks for one. Without one, the step
// shown is the greedy run's `greedyStep`; with one, a step of the sampled run, whose token was
// drawn from exactly the filtered distribution shown (marked only while the settings match).
import { useMemo, useState } from 'react';
import { useText } from '../../../i18n';
import { sameSampleRequest } from '../../../store/slices/walkthrough';
import type { StageContext } from '../types';
import { samplingText as text } from './content';
import { SampledRun } from './SampledRun';
import { SamplingBars } from './SamplingBars';
import { SamplingControls } from './SamplingControls';
import { distributionTable } from './samplingRows';

/** How many of the most probable tokens the bars show. */
const SHOWN = 8;

export function SamplingSection({ ctx, greedyStep }: { ctx: StageContext; greedyStep: number }) {
  const { text: tx } = useText();
  const { options, seed, state } = ctx.sampling;
  const { result } = ctx;
  const V = result.vocabSizes.tgt;
  const wanted = seed === null ? null : { text: result.text, ...options, seed };
  // The run on screen: the latest one for this sentence (a newer one may be on its way).
  const view = wanted && state.view && state.view.request.text === result.text ? state.view : null;
  const current = !!view && sameSampleRequest(view.request, wanted);
  const [picked, setPicked] = useState(0);
  const step = view ? Math.min(picked, view.steps.length - 1) : greedyStep;
  const logits = view ? view.steps[step].logits : result.translation.steps[step].logits;
  const drawn = view && current ? view.steps[step].id : null;
  const table = useMemo(() => distributionTable(logits, options, result.vocabTokens.tgt, SHOWN, drawn), [logits, options, result.vocabTokens.tgt, drawn]);
  const title = !view ? text.barsGreedy : current ? text.barsSampled : text.barsStale;
  const busy = wanted !== null && (state.status === 'running' || (!current && state.status !== 'error'));
  return (
    <section className="sampling" aria-labelledby="sampling-title" data-testid="sampling">
      <h3 id="sampling-title">{tx(text.title)}</h3>
      <p>{tx(text.intro)}</p>
      <SamplingControls sampling={ctx.sampling} vocabSize={V} />
      <p className="muted" role="status" data-testid="sampling-status">
        {busy ? tx(text.running) : state.status === 'error' && state.error ? tx(text.failed, { message: state.error }) : ''}
      </p>
      {view && <SampledRun view={view} greedyText={result.translation.text} current={current} step={step} onPick={setPicked} />}
      <h4>{tx(title, { n: step + 1 })}</h4>
      {!view && <p className="muted">{tx(text.greedyNote)}</p>}
      <SamplingBars table={table} step={step + 1} temperature={options.temperature} vocabSize={V} drawn={drawn} />
      <p className="note">{tx(text.whyNot)}</p>
    </section>
  );
}
