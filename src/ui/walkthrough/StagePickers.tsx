// Side, layer and head pickers, shown only for stages that use them. Values are indexes
// counted from 0 (as in trace names like enc.1.self); changing one replaces the URL.
import { useId } from 'react';
import { useText } from '../../i18n';
import type { ModelConfig } from '../../model/config';
import { layerCount } from '../stages/shared/names';
import type { Side, StagePickers as PickerSpec } from '../stages/types';

export interface PickerValues {
  side: Side;
  layer: number;
  head: number;
}

export function StagePickers({
  spec: wanted,
  config,
  sides = ['enc', 'dec'],
  values,
  onChange,
}: {
  spec: PickerSpec;
  config: ModelConfig;
  /** The sides the model has: a one-stack family (decoder-only, encoder-only) gets no side switch. */
  sides?: readonly Side[];
  values: PickerValues;
  onChange: (changes: Partial<PickerValues>) => void;
}) {
  const { t } = useText();
  const layerId = useId();
  const headId = useId();
  const oneStack = sides.length === 1;
  const spec: PickerSpec = oneStack ? { ...wanted, side: false, layer: wanted.layer ? 'side' : undefined } : wanted;
  if (!spec.side && !spec.layer && !spec.head) return null;
  const layerSide: Side = oneStack ? sides[0] : spec.layer === 'side' || !spec.layer ? values.side : spec.layer;
  const layers = layerCount(config, layerSide);
  return (
    <div className="pickers" role="group" aria-label={t('walkthrough.pickers.legend')} data-testid="pickers">
      {spec.side && (
        <fieldset className="pickers__side">
          <legend>{t('walkthrough.pickers.side')}</legend>
          {(['enc', 'dec'] as const).map((side) => (
            <label key={side} className="pickers__radio">
              <input
                type="radio"
                name="walkthrough-side"
                value={side}
                checked={values.side === side}
                onChange={() => onChange({ side })}
              />
              {t(`walkthrough.pickers.${side}`)}
            </label>
          ))}
        </fieldset>
      )}
      {spec.layer && (
        <div className="pickers__field">
          <label htmlFor={layerId}>
            {t('walkthrough.pickers.layer')}
            {spec.layer !== 'side' && !oneStack && ` (${t(`walkthrough.pickers.${spec.layer}`)})`}
          </label>
          <select id={layerId} value={values.layer} onChange={(e) => onChange({ layer: Number(e.target.value) })} data-testid="picker-layer">
            {Array.from({ length: layers }, (_, l) => (
              <option key={l} value={l}>
                {t('walkthrough.pickers.option', { n: l })}
              </option>
            ))}
          </select>
        </div>
      )}
      {spec.head && (
        <div className="pickers__field">
          <label htmlFor={headId}>{t('walkthrough.pickers.head')}</label>
          <select id={headId} value={values.head} onChange={(e) => onChange({ head: Number(e.target.value) })} data-testid="picker-head">
            {Array.from({ length: config.nHeads }, (_, h) => (
              <option key={h} value={h}>
                {t('walkthrough.pickers.option', { n: h })}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="pickers__note">{t('walkthrough.pickers.countedFromZero')}</p>
    </div>
  );
}
