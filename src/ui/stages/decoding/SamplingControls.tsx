// The sampling settings: temperature, top-k and top-p sliders (each owns ← → Home End while
// focused, so the stage keys leave it alone), the seed box and the sample / new seed / greedy
// buttons. Every value lives in the URL (ctx.sampling.set replaces the entry), so a link
// repeats the run.
import { useId, useState, type ReactNode } from 'react';
import { useText } from '../../../i18n';
import { MAX_SEED, TEMPERATURE_RANGE, TOP_P_RANGE } from './settings';
import type { StageSampling } from '../types';
import { samplingText as text } from './content';

function Slider({
  label,
  value,
  min,
  max,
  step,
  valueText,
  onChange,
  help,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  valueText: string;
  onChange: (v: number) => void;
  help: ReactNode;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="sampling-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-valuetext={valueText}
        aria-describedby={`${id}-help`}
        data-testid={testId}
      />
      <output htmlFor={id} data-testid={`${testId}-value`}>
        {valueText}
      </output>
      <p id={`${id}-help`} className="muted sampling-field__help">
        {help}
      </p>
    </div>
  );
}

const parseSeed = (s: string): number | null => (/^\d{1,10}$/.test(s.trim()) && Number(s) <= MAX_SEED ? Number(s) : null);

export function SamplingControls({ sampling, vocabSize }: { sampling: StageSampling; vocabSize: number }) {
  const { text: tx } = useText();
  const seedId = useId();
  const { options, seed, set } = sampling;
  // The seed box is a draft until Sample (or Enter); a new seed in the URL replaces it.
  const [draft, setDraft] = useState({ from: seed, value: String(seed ?? 1) });
  if (draft.from !== seed) setDraft({ from: seed, value: seed === null ? draft.value : String(seed) });
  const typed = parseSeed(draft.value);
  const t = options.temperature;
  const commit = () => {
    if (typed !== null) set({ seed: typed });
  };
  return (
    <fieldset className="sampling-controls" data-testid="sampling-controls">
      <legend>{tx(text.controls)}</legend>
      <Slider
        label={tx(text.temperature)}
        value={t}
        {...TEMPERATURE_RANGE}
        valueText={t === 0 ? tx(text.greedyValue, { t: '0' }) : t.toFixed(2)}
        onChange={(v) => set({ temperature: v })}
        help={tx(text.temperatureHelp)}
        testId="sampling-temperature"
      />
      <Slider
        label={tx(text.topK)}
        value={options.topK}
        min={0}
        max={vocabSize}
        step={1}
        valueText={options.topK === 0 ? tx(text.offValue, { v: '0' }) : tx(text.kValue, { k: options.topK, v: vocabSize })}
        onChange={(v) => set({ topK: v })}
        help={tx(text.topKHelp)}
        testId="sampling-topk"
      />
      <Slider
        label={tx(text.topP)}
        value={options.topP}
        {...TOP_P_RANGE}
        valueText={options.topP === 1 ? tx(text.offValue, { v: '1' }) : options.topP.toFixed(2)}
        onChange={(v) => set({ topP: v })}
        help={tx(text.topPHelp)}
        testId="sampling-topp"
      />
      <div className="sampling-field sampling-field--seed">
        <label htmlFor={seedId}>{tx(text.seed)}</label>
        <input
          id={seedId}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_SEED}
          step={1}
          value={draft.value}
          onChange={(e) => setDraft({ from: seed, value: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
          aria-invalid={typed === null}
          aria-describedby={`${seedId}-help`}
          data-testid="sampling-seed"
        />
        <span className="sampling-buttons">
          <button type="button" className="button button--small" onClick={commit} disabled={typed === null} data-testid="sampling-sample">
            {tx(text.sample)}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => set({ seed: 1 + Math.floor(Math.random() * 99_999) })}
            data-testid="sampling-new-seed"
          >
            {tx(text.newSeed)}
          </button>
          {seed !== null && (
            <button type="button" className="button button--secondary button--small" onClick={() => set({ seed: null })} data-testid="sampling-greedy">
              {tx(text.greedyOnly)}
            </button>
          )}
        </span>
        <p id={`${seedId}-help`} className="muted sampling-field__help">
          {tx(text.seedHelp)}
        </p>
      </div>
      <p className="muted">{tx(text.keysHint)}</p>
    </fieldset>
  );
}
