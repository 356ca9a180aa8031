// #/bench is a view reached by link (README), kept out of the main navigation.
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, VIEWS } from './route';

describe('#/bench', () => {
  it('parses and formats, with its query kept', () => {
    expect(parseHash('#/bench?size=tiny')).toEqual({ route: { view: 'bench', query: [['size', 'tiny']] } });
    expect(formatHash({ view: 'bench', query: [['size', 'tiny']] })).toBe('#/bench?size=tiny');
  });

  it('is not in the main navigation', () => {
    expect(VIEWS as readonly string[]).not.toContain('bench');
  });
});
