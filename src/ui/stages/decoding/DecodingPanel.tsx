// The decoding panel: a step-through of the greedy loop (prefix, choice, top-k, the causal
// row, the KV cache), the whole run, sampling instead of the argmax, and teacher forcing.
import { useState } from 'react';
import { useText } from '../../../i18n';
import type { StagePanelProps } from '../types';
import { text } from './content';
import { KvCacheTable } from './KvCacheTable';
import { SamplingSection } from './SamplingSection';
import { StepControl } from './StepControl';
import { StepDetail } from './StepDetail';
import { StepsTable } from './StepsTable';
import { TeacherForcing } from './TeacherForcing';
import './decoding.css';

export function DecodingPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const count = ctx.result.translation.steps.length;
  const [picked, setPicked] = useState(0);
  const step = Math.min(Math.max(0, picked), count - 1);
  const go = (s: number) => setPicked(Math.min(Math.max(0, s), count - 1));
  if (count === 0) return null;
  return (
    <div className="decoding">
      <h3>{tx(text.loopTitle)}</h3>
      <StepControl step={step} count={count} onChange={go} />
      <p className="muted">{tx(text.keysHint)}</p>
      <StepDetail ctx={ctx} step={step} />
      <KvCacheTable ctx={ctx} step={step} />
      <StepsTable ctx={ctx} step={step} onPick={go} />
      <SamplingSection ctx={ctx} greedyStep={step} />
      <TeacherForcing ctx={ctx} />
    </div>
  );
}
