// How well a card is known, in four levels the UI can colour: new (never reviewed), learning
// (in the short learning or relearning steps), young and mature (in review, split by stability).
import type { CardProgress } from './records';

export type MasteryLevel = 'new' | 'learning' | 'young' | 'mature';
export const MASTERY_LEVELS: readonly MasteryLevel[] = ['new', 'learning', 'young', 'mature'];

/** Stability (days) from which a review card counts as mature — Anki's 21-day convention. */
export const MATURE_STABILITY_DAYS = 21;

export function masteryOf(progress: CardProgress | undefined): MasteryLevel {
  if (!progress || progress.state === 'new') return 'new';
  if (progress.state === 'learning' || progress.state === 'relearning') return 'learning';
  return progress.stability >= MATURE_STABILITY_DAYS ? 'mature' : 'young';
}

export type MasteryCounts = Record<MasteryLevel, number>;

export function emptyMasteryCounts(): MasteryCounts {
  return { new: 0, learning: 0, young: 0, mature: 0 };
}
