// The training service as the store's training port wants it. The orchestration itself
// (./actions.ts: session, library, experiments, test API) is loaded when the slice first asks,
// so the walkthrough's first screen never fetches the trainer.
import type { LoadTrainingService } from '../../store/services';
import type { ModelLibrary } from '../persistence/modelLibrary';
import type { EnginePickerOptions } from './enginePicker';

export interface TrainingServiceOptions {
  /** The model library (tests: memory); default IndexedDB, memory when blocked. */
  openLibrary?: () => Promise<ModelLibrary>;
  /** Engine measurements and preferences (tests: a memory store, stand-in trainers). */
  engines?: EnginePickerOptions;
}

export function trainingService(options: TrainingServiceOptions = {}): LoadTrainingService {
  return async (ctx) => {
    const { createTrainingActions } = await import('./actions');
    return createTrainingActions({ ...ctx, openLibrary: options.openLibrary, engines: options.engines });
  };
}
