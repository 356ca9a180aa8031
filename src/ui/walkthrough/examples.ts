// Sentences offered under the box: the grammar's documented examples (en-zh-grammar.md),
// from short to long, and one that shows an unknown word.
export const EXAMPLE_SENTENCES: readonly string[] = [
  'the cat sat .',
  'i ate the apple yesterday .',
  'she did not read my letter in the library .',
  'did the big dog drink the water at home last night ?',
  'my big dog did not wash my big car in the park last night .',
  'the zebra sat .',
];

/** The encoder-only model fills masks: the same sentences with a word hidden. */
export const MASKED_EXAMPLES: readonly string[] = [
  'the <mask> sat .',
  'i ate the <mask> yesterday .',
  'she did not <mask> my letter in the library .',
  'did the big dog drink the <mask> at home last night ?',
  'my big dog did not wash my <mask> car in the park last night .',
];
