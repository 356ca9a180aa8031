// A card's pointer into the lab's own code, shown under its answer: the named file's lines that
// do what the card describes, read from the source bundled with the app (loaded on first view),
// so a learner sees the code that actually runs beside the card's textbook version.
import { useEffect, useState } from 'react';
import { useText } from '../../i18n';
import type { LabCode as LabCodeRef } from '../../study';
import { codeExcerpts, type CodeExcerpt } from './labCode';

// Only the model's files are cards' targets; each is its own chunk, fetched when first shown.
const SOURCES = import.meta.glob<string>(['../../model/*.ts', '!../../model/*.test.ts'], { query: '?raw', import: 'default' });

export function sourceKey(path: string): string {
  return path.replace(/^src\//, '../../');
}

export function LabCode({ code }: { code: LabCodeRef }) {
  const { t } = useText();
  const [excerpts, setExcerpts] = useState<CodeExcerpt[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = SOURCES[sourceKey(code.path)];
    if (!load) return;
    void load().then((source) => live && setExcerpts(codeExcerpts(source, code.symbols)));
    return () => {
      live = false;
    };
  }, [code]);
  if (!SOURCES[sourceKey(code.path)]) return null;
  return (
    <figure className="study-labcode" data-testid="lab-code">
      <figcaption>{t('study.card.labCode', { path: code.path })}</figcaption>
      {excerpts === null ? (
        <p className="study-hint">{t('study.card.labCodeLoading')}</p>
      ) : (
        // Scrolls sideways on a narrow screen, so it takes focus for the arrow keys.
        <pre className="study-labcode__code" tabIndex={0} aria-label={t('study.card.labCodeRegion', { path: code.path })}>
          {excerpts.map((ex, i) => (
            <code key={ex.from} className="study-labcode__range">
              {i > 0 && <span className="study-labcode__gap">⋮{'\n'}</span>}
              {ex.lines.map((line, j) => (
                <span key={j} className="study-labcode__line">
                  <span className="study-labcode__num" aria-hidden="true">
                    {String(ex.from + j).padStart(3, ' ')}{' '}
                  </span>
                  {line}
                  {'\n'}
                </span>
              ))}
            </code>
          ))}
        </pre>
      )}
    </figure>
  );
}
