// The Train view translates the codes the training slice produces by building keys at runtime
// (train.error.<code>, data.checkpoint.<code>, …), which the typed t() cannot check. Here the
// compiler checks that every code has a key, and the test that each says something in both
// languages (and keeps its {{placeholders}} in the Chinese).
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zh } from '../../i18n/zh';
import type { CheckpointErrorCode } from '../../model/checkpoint';
import type { DivergenceInfo, TrainerErrorCode } from '../../train/events';
import type { StorageErrorCode } from './training';

/** Compiles only when every code in K is a key of O. */
type Covers<K extends string, O> = [Exclude<K, keyof O>] extends [never] ? true : { missing: Exclude<K, keyof O> };

const covered: [
  Covers<TrainerErrorCode, typeof en.train.error>,
  Covers<StorageErrorCode, typeof en.train.storage>,
  Covers<CheckpointErrorCode, typeof en.data.checkpoint>,
  Covers<DivergenceInfo['reason'], typeof en.train.notice.divergence>,
] = [true, true, true, true];

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('words for the training slice’s codes', () => {
  it('exist in English and Chinese with the same placeholders', () => {
    expect(covered).toEqual([true, true, true, true]);
    const groups: [Record<string, string>, Record<string, string>][] = [
      [en.train.error, zh.train.error],
      [en.train.storage, zh.train.storage],
      [en.data.checkpoint, zh.data.checkpoint],
    ];
    for (const [words, chinese] of groups) {
      for (const [key, text] of Object.entries(words)) {
        expect(text.trim().length, key).toBeGreaterThan(0);
        expect(chinese[key], key).toMatch(/[\u4e00-\u9fff]/);
        expect(placeholders(chinese[key]), key).toEqual(placeholders(text));
      }
    }
  });
});
