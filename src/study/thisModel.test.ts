// Cards that quote "this app's model" must quote the shipped configuration.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../model/config';
import { DECK } from './cards';

describe('cards about this app’s model', () => {
  it('quote the shipped d_model', () => {
    const quoted = DECK.flatMap((c) => [c.question.en, c.answer.en, c.question.zh, c.answer.zh])
      .filter((t) => /this app|本应用/i.test(t))
      .flatMap((t) => [...t.matchAll(/d_model = (\d+)/g)].map((m) => Number(m[1])));
    expect(quoted.length).toBeGreaterThan(0);
    for (const d of quoted) expect(d).toBe(DEFAULT_CONFIG.dModel);
  });
});
