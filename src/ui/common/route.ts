// The app's hash routes, as data: parseHash and formatHash are pure so they can be tested
// without a browser. URLs look like
//   #/walkthrough/<stageId>?text=the+cat+sleeps&layer=1&head=2&lang=zh
//   #/backward/<backwardStageId>?text=the+cat+sat+.&target=猫+坐+了+。&eps=0.1&lr=0.001
//   #/train        #/study        #/bench (linked from the README, not in the navigation)
// Query parameters are kept as they are (even ones this file does not know), so a
// shared link reopens the same view with the same sentence, layer and head.
import { isBackwardStageId, isStageId, type BackwardStageId, type StageId } from '../../model/stageIds';
import { parseLanguage, type Language } from '../../i18n/language';

/** The views of the main navigation. */
export const VIEWS = ['walkthrough', 'backward', 'train', 'study'] as const;
/** Views reached by link only, not from the main navigation (#/bench: linked from the README). */
export const LINKED_VIEWS = ['bench'] as const;
export type ViewId = (typeof VIEWS)[number] | (typeof LINKED_VIEWS)[number];

export const DEFAULT_STAGE: StageId = 'overview';
/** The training-step walkthrough opens at its first stage, the loss. */
export const DEFAULT_BACKWARD_STAGE: BackwardStageId = 'loss';

/** Query parameters in their original order. */
export type Query = readonly (readonly [string, string])[];

export type WalkthroughRoute = { view: 'walkthrough'; stage: StageId; query: Query };
export type BackwardRoute = { view: 'backward'; stage: BackwardStageId; query: Query };
export type TrainRoute = { view: 'train'; query: Query };
export type StudyRoute = { view: 'study'; query: Query };
export type BenchRoute = { view: 'bench'; query: Query };
export type Route = WalkthroughRoute | BackwardRoute | TrainRoute | StudyRoute | BenchRoute;
/** A view that steps through a list of stages (forward or training step). */
export type StageRoute = WalkthroughRoute | BackwardRoute;

export interface ParsedRoute {
  route: Route;
  /** Set when the hash named no real page; `route` is then the fallback that is shown. */
  notFound?: { path: string };
}

export const DEFAULT_ROUTE: Route = { view: 'walkthrough', stage: DEFAULT_STAGE, query: [] };

function isView(s: string): s is ViewId {
  return (VIEWS as readonly string[]).includes(s) || (LINKED_VIEWS as readonly string[]).includes(s);
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // a stray '%' is just a character
  }
}

/** '#/walkthrough/scores?layer=1' → the route; anything unknown falls back to the overview. */
export function parseHash(hash: string): ParsedRoute {
  const body = hash.replace(/^#/, '');
  const q = body.indexOf('?');
  const path = q < 0 ? body : body.slice(0, q);
  const query: Query = q < 0 ? [] : [...new URLSearchParams(body.slice(q + 1))];
  const segments = path.split('/').filter(Boolean).map(decodeSegment);

  if (segments.length === 0) return { route: { ...DEFAULT_ROUTE, query } };
  const [view, ...rest] = segments;
  const notFound = { path: path.startsWith('/') ? path : `/${path}` };
  if (!isView(view)) return { route: { ...DEFAULT_ROUTE, query }, notFound };

  if (view === 'walkthrough') {
    if (rest.length === 0) return { route: { view, stage: DEFAULT_STAGE, query } };
    if (rest.length === 1 && isStageId(rest[0])) return { route: { view, stage: rest[0], query } };
    return { route: { view, stage: DEFAULT_STAGE, query }, notFound };
  }
  if (view === 'backward') {
    if (rest.length === 0) return { route: { view, stage: DEFAULT_BACKWARD_STAGE, query } };
    if (rest.length === 1 && isBackwardStageId(rest[0])) return { route: { view, stage: rest[0], query } };
    return { route: { view, stage: DEFAULT_BACKWARD_STAGE, query }, notFound };
  }
  if (rest.length > 0) return { route: { view, query }, notFound };
  return { route: { view, query } };
}

/** The canonical hash for a route, starting with '#'. */
export function formatHash(route: Route): string {
  const path = route.view === 'walkthrough' || route.view === 'backward' ? `/${route.view}/${route.stage}` : `/${route.view}`;
  const search = new URLSearchParams(route.query as [string, string][]).toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

/** First value of a query parameter. */
export function queryGet(query: Query, name: string): string | undefined {
  return query.find(([k]) => k === name)?.[1];
}

/** A copy of the query with `name` set (or removed when value is undefined), order kept. */
export function querySet(query: Query, name: string, value: string | undefined): Query {
  const i = query.findIndex(([k]) => k === name);
  const rest = query.filter(([k]) => k !== name);
  if (value === undefined) return rest;
  const at = i < 0 ? rest.length : i;
  return [...rest.slice(0, at), [name, value] as const, ...rest.slice(at)];
}

/** The walkthrough's typed view of its query; malformed values read as absent. */
export interface WalkthroughParams {
  text?: string;
  layer?: number;
  head?: number;
  lang?: Language;
}

function nonNegativeInt(s: string | undefined): number | undefined {
  if (s === undefined || !/^\d{1,4}$/.test(s)) return undefined;
  return Number(s);
}

export function walkthroughParams(query: Query): WalkthroughParams {
  const params: WalkthroughParams = {};
  const text = queryGet(query, 'text');
  if (text !== undefined && text.trim() !== '') params.text = text;
  const layer = nonNegativeInt(queryGet(query, 'layer'));
  if (layer !== undefined) params.layer = layer;
  const head = nonNegativeInt(queryGet(query, 'head'));
  if (head !== undefined) params.head = head;
  const lang = parseLanguage(queryGet(query, 'lang'));
  if (lang) params.lang = lang;
  return params;
}

/**
 * The hash with one query parameter changed, only if that parameter is already there
 * (used to keep a shared `lang=` in step with the language switch). Path left as is.
 */
export function updateHashParamIfPresent(hash: string, name: string, value: string): string {
  const q = hash.indexOf('?');
  if (q < 0) return hash;
  const params = new URLSearchParams(hash.slice(q + 1));
  if (!params.has(name)) return hash;
  params.set(name, value);
  return `${hash.slice(0, q)}?${params.toString()}`;
}
