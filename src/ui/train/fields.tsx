// Labelled form controls for the setup panel: a number field with its hint and problem
// (aria-invalid, aria-describedby), a select, and a radio group. Labels are visible text.
import { useId, type ReactNode } from 'react';

export function NumberField({
  label,
  value,
  onChange,
  error,
  hint,
  disabled,
  range,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  range: { min?: number; max?: number; step: number | 'any' };
  testId?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'train-field train-field--number train-field--invalid' : 'train-field train-field--number'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={range.min}
        max={range.max}
        step={range.step}
        autoComplete="off"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
      {hint && (
        <p id={hintId} className="train-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="train-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
  testId,
}: {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (v: V) => void;
  disabled?: boolean;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="train-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as V)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
