// Sinusoidal positional encoding of the paper:
//   PE[pos][2i] = sin(pos / 10000^(2i/D)),  PE[pos][2i+1] = cos(pos / 10000^(2i/D)).

/** (P, D) table, row p = the encoding of position p. Computed in float64, stored float32. */
export function sinusoidalTable(positions: number, d: number): Float32Array {
  const pe = new Float32Array(positions * d);
  for (let pos = 0; pos < positions; pos++) {
    for (let i = 0; 2 * i < d; i++) {
      const angle = pos / Math.pow(10000, (2 * i) / d);
      pe[pos * d + 2 * i] = Math.sin(angle);
      if (2 * i + 1 < d) pe[pos * d + 2 * i + 1] = Math.cos(angle);
    }
  }
  return pe;
}
