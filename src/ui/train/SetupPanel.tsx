// Setup: dataset (toy grammar or Tatoeba, credited), the pretrained start, the model and the
// optimizer. Edits stay a draft until "Apply settings" (or Start/Step) applies them; problems
// are shown at their field, translated.
import { useText } from '../../i18n';
import type { ActivationKind, NormPlacement, PositionalKind } from '../../model/config';
import type { ScheduleKind } from '../../train/schedule';
import type { DatasetId } from '../../train/trainingConfig';
import { NumberField, SelectField } from './fields';
import { MODEL_FAMILIES } from '../../model/config';
import { fieldRange, modelFieldsFor, withFamily, withPretrained, type FieldProblem, type NumberField as FieldId } from './setupForm';
import type { SetupDraftState } from './useSetupDraft';

const OPTIMIZER_FIELDS = ['lr', 'warmup', 'batchSize', 'labelSmoothing', 'dropout', 'maxNorm', 'seed'] as const satisfies readonly FieldId[];

export function SetupPanel({ state }: { state: SetupDraftState }) {
  const { t } = useText();
  const { draft, setDraft, reading, dirty, message, apply, revert } = state;
  const fixed = draft.fromPretrained; // the pretrained start fixes dataset and model shape
  const oneStack = draft.family !== 'encoder-decoder'; // toy data, from scratch
  const problemText = (p: FieldProblem) => t(`train.setup.invalid.${p.key}`, p.params);
  const errorOf = (field: FieldId) => {
    const p = reading.problems.find((q) => q.field === field);
    return p ? problemText(p) : undefined;
  };
  const setNumber = (field: FieldId, value: string) => setDraft({ ...draft, numbers: { ...draft.numbers, [field]: value } });
  const numberField = (field: FieldId, extra: { hint?: string; disabled?: boolean } = {}) => (
    <NumberField
      key={field}
      label={t(`train.setup.${field}`)}
      value={draft.numbers[field]}
      onChange={(v) => setNumber(field, v)}
      error={errorOf(field)}
      range={fieldRange(field)}
      testId={`setup-${field}`}
      {...extra}
    />
  );
  const d = Number(draft.numbers.dModel);
  const h = Number(draft.numbers.nHeads);
  const headHint = Number.isInteger(d) && Number.isInteger(h) && h > 0 && d % h === 0 ? t('train.setup.headDim', { dh: d / h }) : undefined;
  const formProblems = reading.problems.filter((p) => p.field === 'form');

  return (
    <section className="train-panel train-setup" aria-labelledby="train-setup-title">
      <h2 id="train-setup-title">{t('train.setup.title')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void apply();
        }}
      >
        <fieldset className="train-setup__group" data-testid="setup-family">
          <legend>{t('families.train.family')}</legend>
          {MODEL_FAMILIES.map((f) => (
            <div key={f} className="train-radio">
              <input
                type="radio"
                id={`train-family-${f}`}
                name="train-family"
                value={f}
                checked={draft.family === f}
                onChange={() => setDraft(withFamily(draft, f))}
                data-family={f}
              />
              <label htmlFor={`train-family-${f}`}>
                {t(`families.name.${f}`)} <span className="train-field__hint">· {t(`families.like.${f}`)}</span>
              </label>
            </div>
          ))}
          <p className="train-field__hint">{t('families.train.familyHint')}</p>
        </fieldset>

        <fieldset className="train-setup__group">
          <legend>{t('train.setup.dataset')}</legend>
          {(['toy', 'tatoeba'] as const satisfies readonly DatasetId[]).map((id) => (
            <div key={id} className="train-radio">
              <input
                type="radio"
                id={`train-dataset-${id}`}
                name="train-dataset"
                value={id}
                checked={draft.dataset === id}
                disabled={(fixed || oneStack) && id !== 'toy'}
                onChange={() => setDraft({ ...draft, dataset: id })}
                aria-describedby={`train-dataset-${id}-hint`}
              />
              <label htmlFor={`train-dataset-${id}`}>{t(`train.setup.${id}`)}</label>
              <p id={`train-dataset-${id}-hint`} className="train-field__hint">
                {t(id === 'toy' ? 'train.setup.toyHint' : 'train.setup.tatoebaHint')}
                {id === 'tatoeba' && (
                  <>
                    {' '}
                    <span className="train-credit" data-testid="tatoeba-credit">
                      {t('train.setup.tatoebaCredit')}
                    </span>
                  </>
                )}
              </p>
            </div>
          ))}
          <div className="train-check">
            <input
              type="checkbox"
              id="train-pretrained"
              checked={draft.fromPretrained}
              disabled={oneStack}
              onChange={(e) => setDraft(withPretrained(draft, e.target.checked))}
              aria-describedby="train-pretrained-hint"
            />
            <label htmlFor="train-pretrained">{t('train.setup.pretrained')}</label>
            <p id="train-pretrained-hint" className="train-field__hint">
              {t('train.setup.pretrainedHint')}
              {oneStack && ` ${t('families.train.pretrainedTranslatorOnly')}`}
            </p>
          </div>
        </fieldset>

        <fieldset className="train-setup__group">
          <legend>{t('train.setup.model')}</legend>
          <div className="train-setup__grid">
            {modelFieldsFor(draft.family).map((f) => numberField(f, { disabled: fixed, hint: f === 'nHeads' ? headHint : undefined }))}
          </div>
          <SelectField<NormPlacement>
            label={t('train.setup.norm')}
            value={draft.norm}
            disabled={fixed}
            onChange={(norm) => setDraft({ ...draft, norm })}
            options={[
              { value: 'post', label: t('train.setup.normPost') },
              { value: 'pre', label: t('train.setup.normPre') },
            ]}
            testId="setup-norm"
          />
          <SelectField<ActivationKind>
            label={t('train.setup.activation')}
            value={draft.activation}
            disabled={fixed}
            onChange={(activation) => setDraft({ ...draft, activation })}
            options={[
              { value: 'relu', label: t('train.setup.relu') },
              { value: 'gelu', label: t('train.setup.gelu') },
            ]}
            testId="setup-activation"
          />
          <SelectField<PositionalKind>
            label={t('train.setup.positional')}
            value={draft.positional}
            disabled={fixed}
            onChange={(positional) => setDraft({ ...draft, positional })}
            options={[
              { value: 'sinusoidal', label: t('train.setup.sinusoidal') },
              { value: 'learned', label: t('train.setup.learned') },
              { value: 'none', label: t('train.setup.none') },
            ]}
            testId="setup-positional"
          />
        </fieldset>

        <fieldset className="train-setup__group">
          <legend>{t('train.setup.optimizer')}</legend>
          <div className="train-setup__grid">{OPTIMIZER_FIELDS.map((f) => numberField(f))}</div>
          <SelectField<ScheduleKind>
            label={t('train.setup.schedule')}
            value={draft.schedule}
            onChange={(schedule) => setDraft({ ...draft, schedule })}
            options={(['inverse-sqrt', 'cosine', 'constant'] as const).map((k) => ({ value: k, label: t(`train.setup.${k}`) }))}
            testId="setup-schedule"
          />
          <p className="train-field__hint">{t('train.setup.keepsModel')}</p>
        </fieldset>

        {formProblems.map((p, i) => (
          <p key={i} className="train-field__error">
            {problemText(p)}
          </p>
        ))}
        <div className="train-setup__actions">
          <button type="submit" className="button" data-testid="setup-apply">
            {t('train.setup.apply')}
          </button>
          {dirty && (
            <button type="button" className="button button--secondary" onClick={revert}>
              {t('train.setup.revert')}
            </button>
          )}
        </div>
        <p className="train-setup__message" role="status" data-testid="setup-message">
          {message ? t(`train.setup.${message}`) : dirty ? t('train.setup.edited') : ''}
        </p>
      </form>
    </section>
  );
}
