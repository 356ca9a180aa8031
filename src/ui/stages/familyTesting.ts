// Tests only: a walkthrough result of each family's shipped model, computed on the CPU engine.
import { readFileSync } from 'node:fs';
import { computeFamilyWalkthrough } from '../../app/walkthrough/computeFamilies';
import { FamilyPool } from '../../app/walkthrough/translators';
import { parseCheckpoint } from '../../model/checkpoint';
import type { FamilyId } from '../../model/stageIds';
import type { WalkthroughResult } from '../../store/walkthroughResult';

export const SHIPPED_PATHS: Record<FamilyId, string> = {
  'encoder-decoder': 'public/checkpoints/en-zh-toy.json',
  decoder: 'public/checkpoints/en-zh-decoder.json',
  encoder: 'public/checkpoints/en-encoder-mlm.json',
};

export async function familyResult(family: FamilyId, text: string): Promise<WalkthroughResult> {
  const cp = parseCheckpoint(readFileSync(SHIPPED_PATHS[family], 'utf8'));
  const pool = new FamilyPool();
  const o = await computeFamilyWalkthrough(text, pool.choose(family, cp, null), family, { yieldToUi: () => Promise.resolve() });
  pool.destroy();
  if (!o.ok) throw new Error('refused');
  return o.result;
}
