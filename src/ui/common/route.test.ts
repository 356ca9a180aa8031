import { describe, expect, it } from 'vitest';
import { BACKWARD_STAGE_IDS, STAGE_IDS } from '../../model/stageIds';
import {
  DEFAULT_ROUTE,
  formatHash,
  parseHash,
  querySet,
  updateHashParamIfPresent,
  walkthroughParams,
  type Route,
} from './route';

describe('parseHash', () => {
  it('reads each view', () => {
    expect(parseHash('#/train')).toEqual({ route: { view: 'train', query: [] } });
    expect(parseHash('#/study')).toEqual({ route: { view: 'study', query: [] } });
    expect(parseHash('#/walkthrough/softmax')).toEqual({
      route: { view: 'walkthrough', stage: 'softmax', query: [] },
    });
  });

  it('opens the overview for an empty hash or a walkthrough without a stage', () => {
    for (const h of ['', '#', '#/', '/', '#/walkthrough', '#/walkthrough/']) {
      const parsed = parseHash(h);
      expect(parsed.route).toEqual(DEFAULT_ROUTE);
      expect(parsed.notFound).toBeUndefined();
    }
  });

  it('keeps every query parameter, decoded, in order', () => {
    const { route } = parseHash('#/walkthrough/heads?text=the%20cat+sleeps&layer=1&head=3&lang=zh&x=y');
    expect(route).toEqual({
      view: 'walkthrough',
      stage: 'heads',
      query: [
        ['text', 'the cat sleeps'],
        ['layer', '1'],
        ['head', '3'],
        ['lang', 'zh'],
        ['x', 'y'],
      ],
    });
  });

  it('falls back to the overview for unknown views and stages, keeping the query', () => {
    expect(parseHash('#/nowhere?text=hi')).toEqual({
      route: { ...DEFAULT_ROUTE, query: [['text', 'hi']] },
      notFound: { path: '/nowhere' },
    });
    expect(parseHash('#/walkthrough/not-a-stage')).toEqual({
      route: DEFAULT_ROUTE,
      notFound: { path: '/walkthrough/not-a-stage' },
    });
    expect(parseHash('#/train/extra').notFound).toEqual({ path: '/train/extra' });
    expect(parseHash('#/train/extra').route.view).toBe('train');
    expect(parseHash('#main').notFound).toEqual({ path: '/main' });
  });

  it('reads the training-step walkthrough: its stages, the loss by default, unknown stages not found', () => {
    expect(parseHash('#/backward/logits-grad?text=hi')).toEqual({
      route: { view: 'backward', stage: 'logits-grad', query: [['text', 'hi']] },
    });
    for (const h of ['#/backward', '#/backward/']) expect(parseHash(h)).toEqual({ route: { view: 'backward', stage: 'loss', query: [] } });
    expect(parseHash('#/backward/softmax?eps=0')).toEqual({
      route: { view: 'backward', stage: 'loss', query: [['eps', '0']] },
      notFound: { path: '/backward/softmax' },
    });
    expect(parseHash('#/backward/loss/extra').notFound).toEqual({ path: '/backward/loss/extra' });
  });

  it('survives malformed percent escapes', () => {
    expect(parseHash('#/walkthrough/%E0%A4%A').notFound).toBeDefined();
  });
});

describe('formatHash', () => {
  it('writes canonical hashes', () => {
    expect(formatHash(DEFAULT_ROUTE)).toBe('#/walkthrough/overview');
    expect(formatHash({ view: 'train', query: [] })).toBe('#/train');
    expect(formatHash({ view: 'study', query: [['card', '15']] })).toBe('#/study?card=15');
  });

  it('round-trips every training-step stage with a Chinese target', () => {
    for (const stage of BACKWARD_STAGE_IDS) {
      const route: Route = { view: 'backward', stage, query: [['text', 'the cat sat .'], ['target', '猫 坐 了 。'], ['eps', '0.1']] };
      const hash = formatHash(route);
      expect(hash.startsWith(`#/backward/${stage}?`)).toBe(true);
      expect(parseHash(hash)).toEqual({ route });
    }
  });

  it('round-trips every stage with a Chinese and punctuated sentence', () => {
    for (const stage of STAGE_IDS) {
      const route: Route = {
        view: 'walkthrough',
        stage,
        query: [
          ['text', '我 爱 你 & "you" ?=#/'],
          ['layer', '0'],
        ],
      };
      const hash = formatHash(route);
      expect(parseHash(hash)).toEqual({ route });
      expect(formatHash(parseHash(hash).route)).toBe(hash); // idempotent: no rewrite loops
    }
  });
});

describe('query helpers', () => {
  it('querySet replaces in place, appends new names and removes on undefined', () => {
    const q = [
      ['a', '1'],
      ['lang', 'en'],
      ['b', '2'],
    ] as const;
    expect(querySet(q, 'lang', 'zh')).toEqual([
      ['a', '1'],
      ['lang', 'zh'],
      ['b', '2'],
    ]);
    expect(querySet(q, 'c', '3').at(-1)).toEqual(['c', '3']);
    expect(querySet(q, 'lang', undefined)).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  it('walkthroughParams types the known parameters and drops malformed ones', () => {
    const { route } = parseHash('#/walkthrough/qkv?text=I+like+tea&layer=1&head=0&lang=zh-CN');
    expect(walkthroughParams(route.query)).toEqual({ text: 'I like tea', layer: 1, head: 0, lang: 'zh' });
    const bad = parseHash('#/walkthrough/qkv?text=++&layer=-1&head=two&lang=fr').route;
    expect(walkthroughParams(bad.query)).toEqual({});
  });
});

describe('updateHashParamIfPresent', () => {
  it('rewrites a parameter that is there and leaves the path alone', () => {
    expect(updateHashParamIfPresent('#/walkthrough/qkv?text=hi&lang=en', 'lang', 'zh')).toBe(
      '#/walkthrough/qkv?text=hi&lang=zh',
    );
    expect(updateHashParamIfPresent('#/odd/path?lang=en', 'lang', 'zh')).toBe('#/odd/path?lang=zh');
  });

  it('adds nothing when the parameter is absent', () => {
    expect(updateHashParamIfPresent('#/train', 'lang', 'zh')).toBe('#/train');
    expect(updateHashParamIfPresent('#/study?card=3', 'lang', 'zh')).toBe('#/study?card=3');
  });
});
