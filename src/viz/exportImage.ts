// Export of a view as an SVG or PNG file, with no network: the SVG is self-contained (styles
// as attributes, fonts named, no external images) and the PNG is that SVG drawn onto an
// offscreen canvas at 2×. Serialisation is pure (unit-tested); rasterising and downloading
// need a browser.
import { INK, SVG_FONT_STACK, el, escapeXml, num, truncateText } from './svgMarkup';
import { downloadBlob } from './download';

const TITLE_BAND = 30;
const TITLE_FONT = 14;
const MARGIN = 12;

export interface ExportSource {
  /** The view's markup (everything inside <svg>), as drawn on screen. */
  body: string;
  width: number;
  height: number;
  /** Written above the picture so the file says what it shows. */
  title?: string;
}

/** A standalone SVG document: white background, margin, optional title band. */
export function standaloneSvg(src: ExportSource): { svg: string; width: number; height: number } {
  const band = src.title ? TITLE_BAND : 0;
  const width = Math.ceil(src.width + 2 * MARGIN);
  const height = Math.ceil(src.height + band + 2 * MARGIN);
  const title = src.title
    ? `<text x="${MARGIN}" y="${MARGIN + 18}" font-size="${TITLE_FONT}" font-weight="700" fill="${INK.text}">${escapeXml(
        truncateText(src.title, width - 2 * MARGIN, TITLE_FONT),
      )}</text>`
    : '';
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
    ` font-family="${escapeXml(SVG_FONT_STACK)}">` +
    el('rect', { width, height, fill: INK.surface }) +
    title +
    `<g transform="translate(${MARGIN} ${num(MARGIN + band)})">${src.body}</g>` +
    `</svg>`;
  return { svg, width, height };
}

/**
 * A file name from a view's export name or title: letters (any script), digits, '.', '_' and
 * '-' kept, runs of anything else turned into one '-'.
 */
export function exportFileName(name: string, extension: 'svg' | 'png'): string {
  const base =
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 80) || 'attention-lab';
  return `${base}.${extension}`;
}

export function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
}

/** Draws the SVG on an unattached canvas at `scale`× its size and encodes it as PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  image.width = width;
  image.height = height;
  // A data: URL (allowed by the page's CSP for images) keeps the canvas untainted.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(`svgToPng: no 2D canvas context for a ${canvas.width}×${canvas.height} image`);
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error(`svgToPng: the ${canvas.width}×${canvas.height} canvas gave no PNG`))),
      'image/png',
    ),
  );
}

/** Exports a view in the chosen format, named after `name`. */
export async function exportView(src: ExportSource, name: string, format: 'svg' | 'png'): Promise<void> {
  const doc = standaloneSvg(src);
  const blob = format === 'svg' ? svgBlob(doc.svg) : await svgToPng(doc.svg, doc.width, doc.height, 2);
  downloadBlob(blob, exportFileName(name, format));
}
