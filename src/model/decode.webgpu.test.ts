// Decoding on WebGPU runs to the same length bound as on the CPU: a target of the longest
// trainable length (maxLen − 1 words + <eos>) decodes to completion, greedy with and without the
// KV cache and beam search. Runs on real WebGPU (Dawn in Node); loudly skipped without it.
import { afterAll, describe, expect, it } from 'vitest';
import { openHarness } from '../engine/webgpu/testing/harness';
import { beamSearch, greedyDecode } from './decode';
import { chainModel, nextTokenTable } from './testing/chain';

const harness = await openHarness('decoding length on WebGPU');
const special = { pad: 0, bos: 1, eos: 2 };
const src = { batch: 1, srcLen: 2, srcIds: Int32Array.from([4, 2]), srcMask: Float32Array.from([1, 1]) };

describe.skipIf(!harness.ok)(harness.title, () => {
  const h = harness.h!;
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  it('decodes a maxLen-token output (<eos> included) with greedy, cached and uncached, and beam', async () => {
    const maxLen = 5;
    const longest = [4, 5, 6, 7]; // maxLen − 1 words: <bos> + them and them + <eos> fill maxLen
    const model = chainModel(h.be, nextTokenTable(9, [1, ...longest, 2]), { maxLen });
    for (const cache of [true, false]) {
      const [r] = await greedyDecode(model, src, { special, cache });
      expect(r.tokens, `cache ${cache}`).toEqual([...longest, 2]);
    }
    const [best] = await beamSearch(model, src, { special, beam: 2 });
    expect(best.tokens).toEqual([...longest, 2]);
    expect(h.gpu.takeErrors()).toEqual([]);
  });
});
