// Fixed data for the gallery (and so for e2e/viz.spec.ts, which checks numbers from here).

export const TARGET = ['<bos>', '猫', '坐', '了'];

/** Decoder self-attention weights: rows sum to 1, keys after the query masked (-1e9). */
export const WEIGHTS = [
  [1, -1e9, -1e9, -1e9],
  [0.25, 0.75, -1e9, -1e9],
  [0.1, 0.6, 0.3, -1e9],
  [0.05, 0.15, 0.5, 0.3],
];
export const causal = (r: number, c: number) => c > r;

export const SOURCE = ['the', 'cat', 'sat', '<pad>'];
/** Cross-attention scores with a padded key column; signed, so drawn diverging. */
export const SCORES = [
  [1.2, -0.4, 0.3, -1e9],
  [-2.31, 3.05, 0.0, -1e9],
  [0.5, 0.2, -1.1, -1e9],
];
export const padded = (_r: number, c: number) => c === 3;

/** A wide matrix: 24 positions × 192 hidden units (the FFN's shape). */
export const WIDE = Array.from({ length: 24 }, (_, p) =>
  Array.from({ length: 192 }, (_, u) => Math.max(0, Math.sin(p * 0.7 + u * 0.31) * 2 - 0.5)),
);

/** Sinusoidal encoding of 24 positions × 48 dimensions (sin on even, cos on odd). */
export const POSITIONS = Array.from({ length: 24 }, (_, p) =>
  Array.from({ length: 48 }, (_, d) => {
    const angle = p / 10000 ** ((d - (d % 2)) / 48);
    return d % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
  }),
);

export const STEPS = Array.from({ length: 12000 }, (_, i) => i + 1);
/** A falling loss with a spike at step 1500 that the drawing must not lose. */
export const LOSS = STEPS.map((s) => 4 / Math.sqrt(s) + 0.05 * Math.sin(s * 0.9) + (s === 1500 ? 2 : 0));
export const VAL_STEPS = STEPS.filter((s) => s % 500 === 0);
export const VAL_LOSS = VAL_STEPS.map((s) => 4 / Math.sqrt(s) + 0.08);
export const LR = STEPS.map((s) => 1e-3 * Math.min(s / 400, Math.sqrt(400 / s)));

export const TOP_K = [
  { label: '猫', value: 0.873 },
  { label: '狗', value: 0.041 },
  { label: '<unk>', value: 0.02 },
  { label: '。', value: 0.011 },
  { label: 'the mat', value: 0.004 },
];
