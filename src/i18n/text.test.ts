import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fillBilingual, fillText, pick, placeholders } from './text';
import { zh } from './zh';

describe('fillText', () => {
  it('fills {{name}} placeholders, with or without inner spaces, and leaves unknown names', () => {
    expect(fillText('{{a}} + {{ b }} = {{c}}', { a: 1, b: 'two' })).toBe('1 + two = {{c}}');
    expect(fillText('W_{{m}}', { m: 'Q' })).toBe('W_Q');
    expect(fillText('{x} {{x}}', { x: 0 })).toBe('{x} 0');
    expect(fillText('no values {{a}}')).toBe('no values {{a}}');
  });

  it('does not read inherited names', () => {
    expect(fillText('{{toString}}', {})).toBe('{{toString}}');
  });
});

describe('pick and fillBilingual', () => {
  const text = { en: 'layer {{layer}}', zh: '第 {{layer}} 层' };
  it('picks the language and fills it', () => {
    expect(pick(text, 'en', { layer: 2 })).toBe('layer 2');
    expect(pick(text, 'zh', { layer: 2 })).toBe('第 2 层');
    expect(pick(text, 'zh')).toBe('第 {{layer}} 层');
    expect(fillBilingual(text, { layer: 0 })).toEqual({ en: 'layer 0', zh: '第 0 层' });
  });
});

describe('placeholders', () => {
  it('lists the names once, sorted', () => {
    expect(placeholders('{{b}} {{a}} {{ b }}')).toEqual(['a', 'b']);
  });

  it('are the same in en.ts and zh.ts for every interface string', () => {
    const walk = (e: unknown, z: unknown, path: string): void => {
      if (typeof e === 'string') {
        expect(placeholders(z as string), path).toEqual(placeholders(e));
        return;
      }
      for (const k of Object.keys(e as object)) walk((e as Record<string, unknown>)[k], (z as Record<string, unknown>)[k], `${path}.${k}`);
    };
    walk(en, zh, 'translation');
  });
});
