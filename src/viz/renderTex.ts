// TeX → HTML (with MathML for screen readers) through KaTeX. Never throws: a formula that does
// not parse comes back as its source, with KaTeX's message for the console or a title.
import katex from 'katex';

export type TexResult = { ok: true; html: string } | { ok: false; source: string; message: string };

const cache = new Map<string, TexResult>();

export function renderTex(tex: string, display = false): TexResult {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let result: TexResult;
  try {
    const html = katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      output: 'htmlAndMathml',
      // Chinese in \text{} has no KaTeX metrics; that is expected here, not worth a warning.
      strict: 'ignore',
      trust: false,
    });
    result = { ok: true, html };
  } catch (e) {
    result = { ok: false, source: tex, message: e instanceof Error ? e.message : String(e) };
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, result);
  return result;
}
