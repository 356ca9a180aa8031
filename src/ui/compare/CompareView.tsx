// "Compare families" (#/compare?text=…): the same English sentence through the three shipped
// models side by side — output, one attention head each, the masks each uses, parameter counts.
// The URL holds the sentence, the masked word and every column's picks; the store holds the
// three results (src/app/walkthrough/compareService.ts computes them, GPU and CPU as in the
// walkthrough).
import { useCallback, useEffect, useId, useMemo } from 'react';
import { useText } from '../../i18n';
import { DEFAULT_FAMILY, FAMILY_IDS, type FamilyId } from '../../model/stageIds';
import { useAppStore } from '../../store';
import { formatHash, queryGet, querySet, type CompareRoute } from '../common/route';
import { navigate } from '../common/useRoute';
import { SentenceBox } from '../walkthrough/SentenceBox';
import { compareRequest, maskableIndexes, maskedSentence, readCompareParams, withColumnPick } from './compareData';
import { FamilyColumn } from './FamilyColumn';
import '../walkthrough/walkthrough.css';
import './compare.css';
import './testHelpers';

export function CompareView({ route }: { route: CompareRoute }) {
  const { t } = useText();
  const params = useMemo(() => readCompareParams(route.query), [route.query]);
  const request = useMemo(() => compareRequest(params), [params]);
  const setRequest = useAppStore((s) => s.compare.setRequest);
  const families = useAppStore((s) => s.compare.families);
  const maskId = useId();
  // A study card sent the user: the way back, and the column its question is about.
  const card = queryGet(route.query, 'from') === 'study' ? queryGet(route.query, 'card') : undefined;
  const focusParam = queryGet(route.query, 'focus');
  const focus = FAMILY_IDS.find((f) => f === focusParam) ?? null;
  const backHref = card ? formatHash({ view: 'study', query: [['card', card], ...route.query.filter(([k]) => k === 'lang')] }) : null;

  useEffect(() => setRequest(request), [request, setRequest]);

  const replace = useCallback((query: CompareRoute['query']) => navigate({ view: 'compare', query }, { replace: true }), []);
  const masked = maskedSentence(params.text, params.mask);
  const lang = route.query.filter(([k]) => k === 'lang');
  const walkthroughHref = (family: FamilyId) =>
    formatHash({
      view: 'walkthrough',
      stage: 'overview',
      query: [['text', family === 'encoder' ? request.encoder : params.text], ...(family === DEFAULT_FAMILY ? [] : [['family', family] as [string, string]]), ...lang],
    });

  return (
    <section className="view compare walkthrough" aria-labelledby="view-title">
      <div className="compare__head">
        <h1 id="view-title">{t('families.compare.title')}</h1>
        {backHref && (
          <a href={backHref} data-testid="back-to-card">
            ← {t('families.compare.backToCard')}
          </a>
        )}
      </div>
      <p className="walkthrough__intro">{t('families.compare.intro')}</p>
      <SentenceBox text={params.text} onApply={(text) => replace(querySet(querySet(route.query, 'text', text), 'mask', undefined))} runLabel={t('families.compare.run')} />
      {masked && (
        <div className="compare-mask">
          <label htmlFor={maskId}>{t('families.compare.maskWord')}</label>{' '}
          <select id={maskId} value={masked.index} onChange={(e) => replace(querySet(route.query, 'mask', e.target.value))} aria-describedby={`${maskId}-hint`} data-testid="compare-mask-word">
            {maskableIndexes(masked.words).map((i) => (
              <option key={i} value={i} lang="en">
                {`${i}: ${masked.words[i]}`}
              </option>
            ))}
          </select>
          <p id={`${maskId}-hint`} className="muted">
            {t('families.compare.maskWordHint')}
          </p>
        </div>
      )}
      <div className="compare-grid">
        {FAMILY_IDS.map((f) => (
          <FamilyColumn
            key={f}
            family={f}
            state={families[f]}
            picks={params.columns[f]}
            onPick={(key, value) => replace(withColumnPick(route.query, f, key, value))}
            walkthroughHref={walkthroughHref(f)}
            focused={f === focus}
          />
        ))}
      </div>
    </section>
  );
}
