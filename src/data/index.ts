// The data layer's public surface, safe for the browser, workers and Node. The Node-only file
// loader lives in tatoebaNode.ts, imported directly by Node code, so bundles never see `fs`.
export * from './errors';
export * from './prng';
export * from './lexicon';
export * from './toySentence';
export * from './toyGenerator';
export * from './toyTranslate';
export * from './vocab';
export * from './toyVocab';
export * from './tokenize';
export * from './prepareSource';
export * from './tatoeba';
export * from './tatoebaLoad';
export * from './batch';
export * from './bucket';
export * from './streams';
export * from './metrics';
export * from './families';
export * from './toyPosterior';
