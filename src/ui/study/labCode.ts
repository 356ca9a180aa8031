// The lines of a source file that a card's `labCode` points to: each line holding one of the
// symbols, with a line of context either side, near ranges merged. Pure, so it is tested on
// the real files the cards name.

export interface CodeExcerpt {
  /** 1-based number of the first line. */
  from: number;
  lines: string[];
}

export function codeExcerpts(source: string, symbols: readonly string[], context = 1): CodeExcerpt[] {
  const lines = source.split('\n');
  const hits = lines.flatMap((line, i) => (symbols.some((s) => line.includes(s)) ? [i] : []));
  const ranges: [number, number][] = [];
  for (const i of hits) {
    const from = Math.max(0, i - context);
    const to = Math.min(lines.length - 1, i + context);
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  }
  return ranges.map(([from, to]) => ({ from: from + 1, lines: lines.slice(from, to + 1) }));
}

/** Symbols of a card that its file does not contain (the deck test keeps this empty). */
export function missingSymbols(source: string, symbols: readonly string[]): string[] {
  return symbols.filter((s) => !source.includes(s));
}
