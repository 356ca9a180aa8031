// Building SVG as text. The views draw by generating markup (one string, set once) rather
// than one React element per cell: fast for thousands of cells, and the very same markup is
// what the SVG/PNG export writes, so a picture and its download cannot drift apart.

/**
 * Fonts declared by name (no web fonts: exports must render offline, and a PNG is rasterised
 * from the SVG text). CJK Simplified Chinese faces are listed so token labels like 猫 render.
 */
export const SVG_FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', " +
  "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif";

/**
 * Colours written into markup (exports cannot read CSS variables); they match global.css's
 * light scheme. On screen, viz.css repaints each part from the page's scheme through the class
 * that `ink()` adds, so an export keeps these light colours and the page follows light or dark.
 */
export const INK = {
  text: '#17212e',
  muted: '#4a5565',
  border: '#d3d9e1',
  grid: '#e6e9ee',
  surface: '#ffffff',
  hatchBg: '#eef1f5',
  hatchLine: '#7b8594',
  highlight: '#111111',
  highlightHalo: '#ffffff',
  accent: '#1d4f91',
  bar: '#8fa9c9',
} as const;

export type InkRole = Exclude<keyof typeof INK, 'highlight' | 'highlightHalo'>;

/**
 * Paint one part with an ink: the light colour as a presentation attribute (what an export
 * keeps) and the class `ink-<fill|stroke>-<role>`, by which viz.css repaints it on screen.
 * (The highlight outline is black on a white halo in both schemes: it lies on the cells.)
 */
export function ink(paint: 'fill' | 'stroke', role: InkRole): { class: string; fill?: string; stroke?: string } {
  return { class: `ink-${paint}-${role}`, [paint]: INK[role] };
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text and attribute values are escaped: tokens such as <bos> or & are data, not markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]);
}

type AttrValue = string | number | undefined | null | false;

/** ` name="value"` pairs; undefined/null/false values are left out, numbers are rounded. */
export function attrs(values: Record<string, AttrValue>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === false) continue;
    out += ` ${name}="${escapeXml(typeof value === 'number' ? num(value) : value)}"`;
  }
  return out;
}

/** A coordinate with at most two decimals, no "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function el(name: string, values: Record<string, AttrValue>, children?: string): string {
  return children === undefined ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${children}</${name}>`;
}

export function textEl(content: string, values: Record<string, AttrValue>): string {
  return el('text', values, escapeXml(content));
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const NARROW = /[ilI.,:;'|!`()[\]{}ftjr ·]/;
const BROAD = /[mwMW@%&—]/;
/** Arrows, angle brackets and maths signs are as wide as capitals or wider in sans fonts. */
const SYMBOL = /[<>=+\u2212±×÷→←↑↓↔~^#…]/;
const UPPER = /[A-Z]/;

/**
 * Estimated rendered width of a label in px (layout must be computable without a DOM), erring
 * wide (measured against DejaVu Sans, a wide system face): CJK characters 1 em, arrows and
 * signs such as < > − → 0.84 em, m/w and the like 0.9 em, capitals 0.72 em,
 * narrow letters and punctuation 0.34 em, everything else (lower case) 0.64 em.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    em += WIDE.test(ch) ? 1 : SYMBOL.test(ch) ? (ch === '…' ? 1 : 0.84) : BROAD.test(ch) ? 0.9 : NARROW.test(ch) ? 0.34 : UPPER.test(ch) ? 0.72 : 0.64;
  }
  return em * fontSize;
}

/** Whether every character is a wide (CJK) one: such text reads upright, even stacked. */
export function isWideText(text: string): boolean {
  const chars = Array.from(text);
  return chars.length > 0 && chars.every((ch) => WIDE.test(ch));
}

/** Length along the axis of a title drawn by verticalTitle (stacked CJK is 1.1 em a character). */
export function verticalTitleLength(text: string, fontSize: number): number {
  const chars = Array.from(text);
  return chars.length <= 8 && isWideText(text) ? chars.length * fontSize * 1.1 : estimateTextWidth(text, fontSize);
}

/** The label cut to fit maxWidth, ending in "…" when cut. */
export function truncateText(text: string, maxWidth: number, fontSize: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 1 && estimateTextWidth(chars.join('') + '…', fontSize) > maxWidth) chars.pop();
  return chars.join('') + '…';
}

/** A pattern that draws masked cells as grey diagonal hatching. */
export function hatchPattern(id: string, size = 6): string {
  return el(
    'pattern',
    { id, width: size, height: size, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    el('rect', { width: size, height: size, ...ink('fill', 'hatchBg') }) +
      el('line', { x1: 0, y1: 0, x2: 0, y2: size, ...ink('stroke', 'hatchLine'), 'stroke-width': size / 3 }),
  );
}

/** Markup-safe id fragment from React's useId() output (which may hold ':' or '«»'). */
export function safeId(raw: string): string {
  return raw.replace(/[^A-Za-z0-9_-]/g, '');
}

/**
 * A title running down the left of a plot, centred on (x, y): Chinese text is stacked
 * upright, one character under the other (as Chinese charts write it); other text is turned
 * to read upwards.
 */
export function verticalTitle(text: string, x: number, y: number, fontSize: number, values: Record<string, string | number>): string {
  const chars = Array.from(text);
  if (chars.length <= 8 && isWideText(text)) {
    const step = fontSize * 1.1;
    const top = y - ((chars.length - 1) * step) / 2;
    const spans = chars.map((ch, i) => `<tspan x="${num(x)}" y="${num(top + i * step)}">${escapeXml(ch)}</tspan>`).join('');
    return el('text', { ...values, 'font-size': fontSize, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, spans);
  }
  return textEl(text, {
    ...values,
    'font-size': fontSize,
    transform: `translate(${num(x)} ${num(y)}) rotate(-90)`,
    'text-anchor': 'middle',
    'dominant-baseline': 'central',
  });
}
