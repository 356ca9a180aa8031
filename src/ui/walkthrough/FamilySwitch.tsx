// The family switch: which composition of the layers the walkthrough shows (encoder-decoder,
// decoder-only, encoder-only). Radio buttons in a labelled group, so the keyboard works the
// usual way (Tab into the group, arrows between families); the choice is the URL's `family=`.
// Beside it, the link to the "Compare families" view with the same sentence.
import { useText } from '../../i18n';
import { FAMILY_IDS, type FamilyId } from '../../model/stageIds';

export function FamilySwitch({ family, onChange, compareHref }: { family: FamilyId; onChange: (f: FamilyId) => void; compareHref: string }) {
  const { t } = useText();
  return (
    <div className="family-switch" data-testid="family-switch">
      <fieldset className="family-switch__group">
        <legend className="family-switch__legend">{t('families.switch.label')}</legend>
        {FAMILY_IDS.map((f) => (
          <label key={f} className={`family-switch__option${f === family ? ' is-on' : ''}`}>
            <input type="radio" name="walkthrough-family" value={f} checked={f === family} onChange={() => onChange(f)} data-family={f} />
            <span className="family-switch__name">{t(`families.name.${f}`)}</span>
            <span className="family-switch__like">{t(`families.like.${f}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="family-switch__task" data-testid="family-task">
        {t(`families.task.${family}`)}
      </p>
      <a className="family-switch__compare" href={compareHref} data-testid="compare-link">
        {t('families.compareLink')}
      </a>
    </div>
  );
}
