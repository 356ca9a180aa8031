// A selection of a matrix's rows and columns, for panels that draw part of a wide tensor (a few
// vocabulary columns of a (T, V) gradient). Row sums, norms and the like are in gradStats.ts.

/** The chosen rows and columns of a matrix, in the order given (all when omitted). */
export function selectMatrix(m: readonly (readonly number[])[], rows?: readonly number[], cols?: readonly number[]): number[][] {
  const rs = rows ?? m.map((_, i) => i);
  return rs.map((r) => (cols ? cols.map((c) => m[r][c]) : [...m[r]]));
}
