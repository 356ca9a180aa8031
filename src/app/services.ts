// The app layer's services, wired onto a store: the walkthrough's and the training step's
// compute services and the training service (loaded on demand). The app entry (src/main.tsx) calls installAppServices
// once, before anything asks for a sentence or a training action.
import type { StoreApi } from 'zustand/vanilla';
import { installServices, type AppState, type StoreServices } from '../store';
import { backwardComputeService } from './backward/lazy';
import { trainingService } from './training';
import { walkthroughComputeService } from './walkthrough/service';

export function appServices(): StoreServices {
  return {
    walkthrough: walkthroughComputeService(),
    backward: backwardComputeService(),
    training: trainingService(),
  };
}

/** Give the store (the app's appStore) the real services. */
export function installAppServices(store: StoreApi<AppState>): void {
  installServices(store, appServices());
}
