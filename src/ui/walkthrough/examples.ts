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
