// "Where the numbers came from": the kernels that computed this stage (from the registry and
// the recorded dispatches of the forward pass, or of the training step), their WGSL source,
// their GPU time when the adapter can measure it, and how far the GPU's numbers are from the
// CPU engine's on this very sentence (or pair).
import { useState } from 'react';
import { shaderSources } from '../../engine/webgpu/shaderSources';
import { useText, type TextKey } from '../../i18n';
import { kernelUsage, worstDiff } from '../../app/walkthrough';
import type { WalkthroughResult } from '../../store/walkthroughResult';
import { formatMs, formatSmall } from '../stages/shared/format';
import type { KernelFamily } from '../stages/types';

/** What a computed result records about its engines: a WalkthroughResult or a BackwardResult. */
export type EngineRecord = Pick<WalkthroughResult, 'backend' | 'dispatches' | 'comparison'>;

/** Which pass the dispatches belong to: the words differ, the facts shown do not. */
export type RecordedPass = 'forward' | 'step';

const WORDS = {
  forward: {
    gpuTimeNoteWhole: 'walkthrough.source.gpuTimeNoteWhole',
    notRun: 'walkthrough.source.notRun',
    diffNote: 'walkthrough.source.diffNote',
    sameEngine: 'walkthrough.source.sameEngine',
    noTrace: 'walkthrough.source.noTrace',
  },
  step: {
    gpuTimeNoteWhole: 'backward.source.gpuTimeNoteWhole',
    notRun: 'backward.source.notRun',
    diffNote: 'backward.source.diffNote',
    sameEngine: 'backward.source.sameEngine',
    noTrace: 'backward.source.noTrace',
  },
} as const satisfies Record<RecordedPass, Record<string, TextKey>>;
type Words = (typeof WORDS)[RecordedPass];

export function WhereFrom({
  result,
  kernels,
  traceNames,
  computedBy,
  scopes,
  pass = 'forward',
}: {
  result: EngineRecord;
  kernels: readonly KernelFamily[];
  traceNames: string[];
  /** labelScope paths of this stage's dispatches (null: the whole forward pass). */
  scopes: string[] | null;
  /** Where the numbers come from when that is not (only) a kernel. */
  computedBy?: string;
  pass?: RecordedPass;
}) {
  const { t } = useText();
  const words = WORDS[pass];
  const onGpu = result.backend.kind === 'webgpu';
  const timed = result.dispatches.timed;
  return (
    <section className="where" aria-labelledby="where-heading" data-testid="where-from">
      <h3 id="where-heading">{t('walkthrough.source.heading')}</h3>
      {computedBy && <p>{computedBy}</p>}
      {kernels.length > 0 && (
        <>
          <h4 className="where__sub">{t('walkthrough.source.kernels')}</h4>
          <ul className="where__kernels">
            {kernels.map((family) => (
              <KernelItem key={family} family={family} result={result} scopes={scopes} notRun={words.notRun} />
            ))}
          </ul>
          <p className="where__time" data-testid="gpu-time-note">
            {!onGpu
              ? t('walkthrough.source.cpuOnly')
              : timed
                ? t(scopes ? 'walkthrough.source.gpuTimeNote' : words.gpuTimeNoteWhole)
                : t('walkthrough.source.gpuTimeNA')}
          </p>
        </>
      )}
      <EngineDiffLine result={result} traceNames={traceNames} words={words} />
    </section>
  );
}

function KernelItem({ family, result, scopes, notRun }: { family: KernelFamily; result: EngineRecord; scopes: string[] | null; notRun: Words['notRun'] }) {
  const { t } = useText();
  const usage = kernelUsage(result.dispatches.records, [family], scopes);
  const { file } = shaderSources[family];
  return (
    <li className="where__kernel" data-kernel={family}>
      <code className="where__file">{file}</code>{' '}
      {usage.length === 0 ? (
        <span className="where__muted">{t(notRun)}</span>
      ) : (
        <span className="where__usage">
          {usage.map((u, i) => (
            <span key={u.kernel}>
              {i > 0 && ' · '}
              <code>{u.kernel}</code> {t('walkthrough.source.dispatches', { count: u.count })}
              {u.gpuMs !== null && <> {t('walkthrough.source.gpuTime', { ms: formatMs(u.gpuMs) })}</>}
            </span>
          ))}
        </span>
      )}
      <ShaderSource family={family} />
    </li>
  );
}

function ShaderSource({ family }: { family: KernelFamily }) {
  const { t } = useText();
  const { file, source } = shaderSources[family];
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    // No clipboard API (an insecure context, an old browser): say so instead of doing nothing.
    if (!navigator.clipboard) return setCopyState('failed');
    navigator.clipboard.writeText(source).then(
      () => setCopyState('copied'),
      () => setCopyState('failed'),
    );
  };
  return (
    <details className="shader">
      <summary>{t('walkthrough.source.viewShader', { file })}</summary>
      <div className="shader__tools">
        <button type="button" className="button button--small button--secondary" onClick={copy}>
          {t('walkthrough.source.copy')}
        </button>
        <span role="status" className="shader__status">
          {copyState === 'copied' ? t('walkthrough.source.copied') : copyState === 'failed' ? t('walkthrough.source.copyFailed') : ''}
        </span>
      </div>
      {/* Focusable so keyboard users can scroll it. */}
      <pre className="shader__code" tabIndex={0} aria-label={file}>
        <code>{source}</code>
      </pre>
    </details>
  );
}

function EngineDiffLine({ result, traceNames, words }: { result: EngineRecord; traceNames: string[]; words: Words }) {
  const { t } = useText();
  if (result.comparison.sameBackend) {
    return (
      <p className="where__diff" data-testid="engine-diff" data-max-abs="0">
        {t(words.sameEngine)}
      </p>
    );
  }
  const worst = worstDiff(result.comparison.byName, traceNames);
  if (!worst) return <p className="where__diff where__muted">{t(words.noTrace)}</p>;
  return (
    <p className="where__diff" data-testid="engine-diff" data-max-abs={worst.maxAbs}>
      <strong>{t('walkthrough.source.diff', { abs: formatSmall(worst.maxAbs), rel: formatSmall(worst.maxRel) })}</strong>{' '}
      <span className="where__muted">{t(words.diffNote, { count: worst.count, worst: worst.worstName })}</span>
    </p>
  );
}
