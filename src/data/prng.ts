// The data layer's seeded generator: `Rng` (sfc32 seeded through splitmix32), defined once in
// src/random with the project's other generators. Re-exported so `src/data` users keep one import.
export { Rng } from '../random';
