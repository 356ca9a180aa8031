// Why the asked-for pair has no step, in the learner's language: unknown words named (and on
// which side), too long, empty, no model, or a failure. The previous step stays on screen, and
// the message says so.
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import type { BackwardProblem } from '../../store/backwardResult';
import { ErrorBanner } from '../common/ErrorBanner';

export function ProblemMessage() {
  const problem = useAppStore((s) => s.backward.problem);
  const hasResult = useAppStore((s) => s.backward.result !== null);
  if (!problem) return null;
  return <Problem problem={problem} kept={hasResult} />;
}

function Problem({ problem, kept }: { problem: BackwardProblem; kept: boolean }) {
  const { t, lang } = useText();
  const keptNote = kept ? ` ${t('backward.problem.kept')}` : '';
  if (problem.kind === 'failed') {
    return (
      <ErrorBanner title={t('backward.problem.failed')} detail={problem.message} testId="backward-error">
        {kept ? t('backward.problem.kept') : undefined}
      </ErrorBanner>
    );
  }
  let message: string;
  switch (problem.kind) {
    case 'no-model':
      message = t('backward.problem.noModel');
      break;
    case 'empty':
      message = problem.side === 'source' ? t('backward.problem.emptySource') : t('backward.problem.emptyTarget');
      break;
    case 'too-long': {
      const values = { length: problem.length, max: problem.max };
      message = problem.side === 'source' ? t('backward.problem.tooLongSource', values) : t('backward.problem.tooLongTarget', values);
      break;
    }
    case 'unknown': {
      const words = problem.words.map((w) => `“${w}”`).join(lang === 'zh' ? '、' : ', ');
      message = problem.side === 'source' ? t('backward.problem.unknownSource', { words }) : t('backward.problem.unknownTarget', { words });
      break;
    }
  }
  return (
    <p
      className="note note--warn backward-problem"
      role="alert"
      data-testid="backward-problem"
      data-kind={problem.kind}
      data-side={'side' in problem ? problem.side : undefined}
    >
      {message}
      {keptNote}
    </p>
  );
}
