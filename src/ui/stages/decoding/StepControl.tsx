// Previous / next buttons and a slider over the decoding steps (the slider owns ← → Home End,
// so the stage keys leave it alone).
import { useId } from 'react';
import { useText } from '../../../i18n';
import { text } from './content';

export function StepControl({ step, count, onChange }: { step: number; count: number; onChange: (s: number) => void }) {
  const { text: tx } = useText();
  const id = useId();
  const label = tx(text.stepOf, { n: step + 1, total: count });
  return (
    <div className="decoding-control">
      <button type="button" className="button button--secondary button--small" onClick={() => onChange(step - 1)} disabled={step <= 0} data-testid="decoding-prev">
        {tx(text.prev)}
      </button>
      <label htmlFor={id}>{tx(text.stepLabel)}</label>
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(0, count - 1)}
        step={1}
        value={step}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-valuetext={label}
        data-testid="decoding-slider"
      />
      <output htmlFor={id} data-testid="decoding-step">
        {label}
      </output>
      <button type="button" className="button button--small" onClick={() => onChange(step + 1)} disabled={step >= count - 1} data-testid="decoding-next">
        {tx(text.next)}
      </button>
    </div>
  );
}
