// Tokenizers: text → token arrays, and back for display.
//
// - Toy task: tokens are separated by whitespace (en-zh-grammar.md), on both sides.
// - English (real sentences, and whatever a user types): lowercase, then words and punctuation.
//   A word is a run of letters/digits, with inner apostrophes and hyphens kept inside it, so
//   contractions stay whole: "I'm" → "i'm", "don't" → "don't", "Tom's" → "tom's",
//   "o'clock" → "o'clock", "well-known" → "well-known". Numbers keep inner . , : between digits
//   ("3.5", "1,000", "3:30"). Every other non-space character is a token of its own, so
//   "The cat sat." → the cat sat . — exactly the toy grammar's tokens.
// - Chinese (real sentences): one token per character, whitespace dropped. ASCII ? ! , ; : are
//   mapped to their full-width forms first (a few Tatoeba lines mix them), so "吗?" and "吗？"
//   give the same tokens.

export const tokenizeWhitespace = (text: string): string[] => text.split(/\s+/u).filter((t) => t.length > 0);

const ENGLISH_TOKEN = /\p{N}+(?:[.,:]\p{N}+)+|[\p{L}\p{N}\p{M}]+(?:['-][\p{L}\p{N}\p{M}]+)*|\S/gu;

export function tokenizeEnglish(text: string): string[] {
  const normal = text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/gu, "'") // curly and modifier apostrophes
    .replace(/[\u201c\u201d]/gu, '"')
    .toLowerCase();
  return normal.match(ENGLISH_TOKEN) ?? [];
}

const FULL_WIDTH: Record<string, string> = { '?': '？', '!': '！', ',': '，', ';': '；', ':': '：' };

export function tokenizeChinese(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    out.push(FULL_WIDTH[ch] ?? ch);
  }
  return out;
}

/** English tokens as text: spaces between words, none before closing punctuation. */
export function joinEnglish(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) {
    const attach = out === '' || /^[.,!?;:)\]}%]$/u.test(t);
    out += attach ? t : ` ${t}`;
  }
  return out;
}

/** Chinese tokens as text: characters (or toy words) without spaces. */
export const joinChinese = (tokens: readonly string[]): string => tokens.join('');
