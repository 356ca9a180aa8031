// A panel's own picker (a sublayer, a token, a position): a labelled group of radio buttons.
// Native radios own the arrow keys, so ← → move the choice here instead of changing stage.
import { useId } from 'react';
import './choice.css';

export interface Choice {
  label: string;
  /** Language of the label when it differs from the interface's (e.g. 'zh-CN' for a token). */
  lang?: string;
}

export function ChoiceGroup({
  legend,
  choices,
  value,
  onChange,
  testId,
}: {
  legend: string;
  choices: readonly Choice[];
  value: number;
  onChange: (index: number) => void;
  testId?: string;
}) {
  const name = useId();
  return (
    <div className="pickers stage-choice" data-testid={testId}>
      <fieldset>
        <legend>{legend}</legend>
        {choices.map((c, i) => (
          <label key={i} className="pickers__radio">
            <input type="radio" name={name} value={i} checked={value === i} onChange={() => onChange(i)} />
            <span lang={c.lang}>{c.label}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
