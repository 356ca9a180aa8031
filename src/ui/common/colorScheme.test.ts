import { describe, expect, it } from 'vitest';
import { parseColorSchemeChoice } from '../../store/slices/settings';
import { resolveColorScheme } from './colorScheme';

describe('resolveColorScheme', () => {
  it('a fixed choice wins over the system; "system" follows it', () => {
    expect(resolveColorScheme('light', true)).toBe('light');
    expect(resolveColorScheme('dark', false)).toBe('dark');
    expect(resolveColorScheme('system', true)).toBe('dark');
    expect(resolveColorScheme('system', false)).toBe('light');
  });
});

describe('parseColorSchemeChoice', () => {
  it('reads a remembered choice; nothing or anything else follows the system', () => {
    expect(parseColorSchemeChoice('dark')).toBe('dark');
    expect(parseColorSchemeChoice('light')).toBe('light');
    expect(parseColorSchemeChoice(null)).toBe('system');
    expect(parseColorSchemeChoice('sepia')).toBe('system');
  });
});
