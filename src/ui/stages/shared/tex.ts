// Small builders for KaTeX strings with live numbers.

/** A shape as KaTeX: (S{=}5, D{=}48). Entries are [symbol, value] or plain numbers. */
export function texShape(dims: ReadonlyArray<readonly [string, number] | number>): string {
  const parts = dims.map((d) => (typeof d === 'number' ? String(d) : `${d[0]}{=}${d[1]}`));
  return `(${parts.join(',\\,')})`;
}

/** Escape text for \\text{…}: user tokens may contain TeX's special characters. */
export function texText(s: string): string {
  return s.replace(/[\\{}$&#^_%~]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\textbackslash{}';
      case '~':
        return '\\textasciitilde{}';
      case '^':
        return '\\textasciicircum{}';
      default:
        return `\\${ch}`;
    }
  });
}

/** A number with a few significant digits for formulas: 3.464. */
export function texNum(x: number, digits = 4): string {
  return Number(x.toPrecision(digits)).toString();
}

/** Several formula lines stacked and centred (the definition first, the live shapes below). */
export function texLines(...lines: string[]): string {
  return `\\begin{gathered}${lines.join(' \\\\ ')}\\end{gathered}`;
}

/** Indexes 0…n−1 for a formula: "0, 1" for two, "0,\\dots,5" for six. */
export function texRange(n: number): string {
  return n <= 3 ? Array.from({ length: n }, (_, i) => i).join(',\\ ') : `0,\\dots,${n - 1}`;
}
