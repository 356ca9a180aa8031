// A speaking countdown (src/study/timer.ts): time left, then overtime in a warning colour.
import { useText } from '../../i18n';
import { formatClock, isOvertime, remainingMs, type TimerState } from '../../study';

export function TimerView({ timer, now }: { timer: TimerState; now: number }) {
  const { t } = useText();
  const left = remainingMs(timer, now);
  const over = isOvertime(timer, now);
  const share = Math.min(1, Math.max(0, left / timer.durationMs));
  return (
    <div className={`study-timer${over ? ' study-timer--over' : ''}`}>
      <span role="timer" aria-label={over ? t('study.timer.overtime') : t('study.timer.left')} className="study-timer__clock">
        {formatClock(left)}
      </span>
      <span className="study-timer__bar" aria-hidden="true">
        <span className="study-timer__fill" style={{ width: `${share * 100}%` }} />
      </span>
      {over && <span className="study-timer__note">{t('study.timer.overtimeNote')}</span>}
    </div>
  );
}
