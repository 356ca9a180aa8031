// The engine line's "why": the decision (src/train/enginePick.ts) in the interface's words —
// "3.4× faster than this GPU adapter here · measured just now", "your choice for this adapter,
// though the CPU measured 2.8× faster here", "this browser offers no WebGPU adapter". Pure.
import type { TextFunction } from '../../i18n/keys';
import type { Language } from '../../i18n/language';
import type { EngineChoiceState } from '../../store/slices/training';
import { formatCount } from './format';

export function engineWhy(state: EngineChoiceState, t: TextFunction, lang: Language): string | null {
  if (state.calibrating) return t('train.engineWhy.measuring', { engine: t(`train.engineChoice.engineName.${state.calibrating}`) });
  const d = state.decision;
  if (!d) return null;
  const ratio = d.ratio === null ? '' : formatCount(d.ratio, lang, 1);
  const than = d.faster === 'cpu' ? 'Cpu' : 'Gpu'; // the one the chosen engine was compared with…
  let why: string;
  switch (d.reason) {
    case 'faster':
      why = t(d.engine === 'cpu' ? 'train.engineWhy.fasterThanGpu' : 'train.engineWhy.fasterThanCpu', { ratio });
      break;
    case 'tie':
      why = t(d.engine === 'webgpu' ? 'train.engineWhy.tieGpu' : 'train.engineWhy.tieCpu');
      break;
    case 'override':
      // …is the faster one, when the user picked the slower.
      why = d.faster && d.faster !== d.engine && d.ratio !== null ? t(`train.engineWhy.overrideSlowerThan${than}`, { ratio }) : t('train.engineWhy.override');
      break;
    default:
      why = t(`train.engineWhy.${d.reason}`);
  }
  const measuredBoth = d.ratio !== null && state.source;
  return measuredBoth ? `${why} · ${t(`train.engineWhy.${state.source!}`)}` : why;
}
