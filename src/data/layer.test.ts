import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('src/data imports', () => {
  it('use Node modules only in tatoebaNode.ts (and tests), which index.ts does not re-export', () => {
    const dir = new URL('.', import.meta.url);
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const usingNode = sources.filter((f) => /from ['"](node:|fs|path)/.test(readFileSync(new URL(f, dir), 'utf8')));
    expect(usingNode).toEqual(['tatoebaNode.ts']);
    expect(readFileSync(new URL('index.ts', dir), 'utf8')).not.toMatch(/from '\.\/tatoebaNode'/);
  });
});
