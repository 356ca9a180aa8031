// The other families' shipped models: loaded once on request (a subscriber asking again while
// the load is announced gets the same load), failures kept per family and retried, and
// modelForFamily picks the active model only when it is of that family.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../index';
import { createModelSlice, familyModelFailed, modelForFamily } from './model';
import { readFileSync } from 'node:fs';

const files: Record<string, string> = {
  'http://x/checkpoints/en-zh-toy.json': readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'),
};

function storeWith(fetched: string[], extra: Record<string, string> = {}) {
  const all = { ...files, ...extra };
  const fetch = async (url: string) => {
    fetched.push(url);
    const text = all[url];
    return { ok: text !== undefined, status: text === undefined ? 404 : 200, text: async () => text ?? '' };
  };
  return createAppStore([createModelSlice({ fetch, baseUrl: 'http://x/', autoLoad: false })]);
}

describe('shipped models of the other families', () => {
  it('loads each once, even when a subscriber asks again while the load is announced', async () => {
    const fetched: string[] = [];
    const store = storeWith(fetched);
    // As the walkthrough's service does: ask again on every change, unless the load failed.
    const unsubscribe = store.subscribe((st) => {
      if (!familyModelFailed(st.model, 'decoder')) void st.model.loadShippedFamily('decoder');
    });
    await store.getState().model.loadShippedFamily('decoder');
    unsubscribe();
    expect(fetched.filter((u) => u.endsWith('en-zh-decoder.json'))).toHaveLength(1);
    // Not on this fake server: an error of that family only, which a later call retries.
    const s = store.getState().model;
    expect(s.familyLoad.decoder.status).toBe('error');
    expect(familyModelFailed(s, 'decoder')).toBe(true);
    expect(familyModelFailed(s, 'encoder')).toBe(false);
    await store.getState().model.loadShippedFamily('decoder');
    expect(fetched.filter((u) => u.endsWith('en-zh-decoder.json'))).toHaveLength(2);
  });

  it('uses the active model only for its own family', async () => {
    const store = storeWith([]);
    await store.getState().model.loadShipped();
    const s = store.getState().model;
    expect(modelForFamily(s, 'encoder-decoder')?.id).toBe('shipped');
    expect(modelForFamily(s, 'decoder')).toBeNull();
  });
});
