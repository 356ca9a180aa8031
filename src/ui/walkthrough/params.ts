// The walkthrough's URL parameters, read and written as data:
//   #/walkthrough/<stage>?text=…&layer=…&head=…&side=enc|dec&lang=…
//   (+ highlight=<id>&from=study&card=<id> when a study card opened it)
//   (+ temp=…&topk=…&topp=…&seed=… for the decoding stage's sampling; a seed asks for a sampled run)
// A missing `text` means the default sentence; an empty `text=` is the user's empty box.
import { isHighlightId, type HighlightId } from '../../study/highlights';
import { queryGet, querySet, walkthroughParams, type StageRoute, type WalkthroughRoute } from '../common/route';
import { MAX_SEED, TEMPERATURE_RANGE, TOP_P_RANGE } from '../stages/decoding/settings';
import type { Side } from '../stages/types';

export const DEFAULT_SENTENCE = 'the cat sat .';

/** The decoding stage's sampling settings (temp, topk, topp, seed in the URL). */
export interface SamplingParams {
  /** 0–2; 0 is greedy. Default 1 (the model's own distribution). */
  temperature: number;
  /** 0 = off (default). Clamped to the vocabulary where it is used. */
  topK: number;
  /** 0.05–1; 1 = off (default). */
  topP: number;
  /** A sampled translation is wanted with this seed; null: only the greedy one. */
  seed: number | null;
}

export const DEFAULT_SAMPLING: SamplingParams = { temperature: 1, topK: 0, topP: 1, seed: null };

/** A number in the URL, or undefined when it is missing or malformed. */
function decimal(s: string | undefined): number | undefined {
  if (s === undefined || !/^\d{1,4}(\.\d{1,4})?$/.test(s)) return undefined;
  return Number(s);
}

/** Snap to the slider's grid (so a typed URL and the slider agree), within its range. */
function snap(x: number, r: { min: number; max: number; step: number }): number {
  const v = Math.min(r.max, Math.max(r.min, x));
  return Number((Math.round(v / r.step) * r.step).toFixed(4));
}

export function readSampling(query: WalkthroughRoute['query']): SamplingParams {
  const temp = decimal(queryGet(query, 'temp'));
  const topP = decimal(queryGet(query, 'topp'));
  const topK = queryGet(query, 'topk');
  const seed = queryGet(query, 'seed');
  return {
    temperature: temp === undefined ? DEFAULT_SAMPLING.temperature : snap(temp, TEMPERATURE_RANGE),
    topK: topK !== undefined && /^\d{1,5}$/.test(topK) ? Number(topK) : DEFAULT_SAMPLING.topK,
    topP: topP === undefined ? DEFAULT_SAMPLING.topP : snap(topP, TOP_P_RANGE),
    seed: seed !== undefined && /^\d{1,10}$/.test(seed) && Number(seed) <= MAX_SEED ? Number(seed) : null,
  };
}

/** The URL parameters of sampling settings (undefined drops one: a default, or no seed). */
export function samplingQuery(p: Partial<SamplingParams>): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {};
  if ('temperature' in p) out.temp = p.temperature;
  if ('topK' in p) out.topk = p.topK;
  if ('topP' in p) out.topp = p.topP;
  if ('seed' in p) out.seed = p.seed ?? undefined;
  return out;
}

export interface ViewParams {
  text: string;
  layer?: number;
  head?: number;
  side?: Side;
  highlight: HighlightId | null;
  /** The study card that sent the user here (from=study&card=<id>). */
  fromCard: string | null;
  sampling: SamplingParams;
}

export function readParams(route: WalkthroughRoute): ViewParams {
  const { query } = route;
  const base = walkthroughParams(query);
  const rawText = queryGet(query, 'text');
  const side = queryGet(query, 'side');
  const highlight = queryGet(query, 'highlight');
  const card = queryGet(query, 'card');
  return {
    text: rawText ?? DEFAULT_SENTENCE,
    layer: base.layer,
    head: base.head,
    side: side === 'enc' || side === 'dec' ? side : undefined,
    highlight: highlight && isHighlightId(highlight) ? highlight : null,
    fromCard: queryGet(query, 'from') === 'study' && card ? card : null,
    sampling: readSampling(query),
  };
}

/** The same route with some parameters set (undefined removes one). Forward or training step alike. */
export function withParams<R extends StageRoute>(route: R, changes: Record<string, string | number | undefined>): R {
  let query = route.query;
  for (const [name, value] of Object.entries(changes)) query = querySet(query, name, value === undefined ? undefined : String(value));
  return { ...route, query };
}

/**
 * The route of another stage of the same view. A highlight belongs to the stage it was meant
 * for, so it is dropped.
 */
export function stageRoute<R extends StageRoute>(
  route: R,
  stage: R['stage'],
  picks: Partial<{ side: Side; layer: number; head: number }> = {},
): R {
  return { ...withParams(route, { highlight: undefined, ...picks }), stage };
}

/** Clamp a picker value into [0, count). */
export function clampIndex(value: number | undefined, count: number): number {
  if (value === undefined || count <= 0) return 0;
  return Math.min(Math.max(0, value), count - 1);
}
