// The ranges of the sampling controls; the walkthrough's URL reader (ui/walkthrough/params.ts)
// snaps temp= and topp= to the same grid, so a typed link and the sliders agree.
export const TEMPERATURE_RANGE = { min: 0, max: 2, step: 0.05 } as const;
export const TOP_P_RANGE = { min: 0.05, max: 1, step: 0.05 } as const;
/** Seeds are whole numbers 0 … 2³¹ − 1. */
export const MAX_SEED = 2 ** 31 - 1;
