// The one-stack families on WebGPU vs the CPU engine (Dawn in Node; skipped without an adapter
// unless one is required): the same output and every traced tensor within 1e-4 relative error.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeGpu } from '../../engine/webgpu/testing/nodeGpu';
import { gpuRequired } from '../../engine/webgpu/testing/harness';
import { parseCheckpoint } from '../../model/checkpoint';
import { computeFamilyWalkthrough } from './computeFamilies';
import { FamilyPool } from './translators';

describe('the decoder-only and encoder-only walkthroughs on WebGPU vs the CPU', async () => {
  const node = await createNodeGpu();
  if (!node.ok && gpuRequired()) throw new Error(`families on WebGPU: no adapter (${node.reason}), but one is required here`);
  const pools: FamilyPool[] = [];
  afterAll(() => {
    for (const p of pools) p.destroy();
    if (node.ok) node.gpu.destroy();
  });

  it.skipIf(!node.ok).each([
    ['decoder', 'public/checkpoints/en-zh-decoder.json', 'did the big dog drink the water at home last night ?'],
    ['encoder', 'public/checkpoints/en-encoder-mlm.json', 'did the big <mask> drink the water at <mask> last night ?'],
  ] as const)(`%s: same output and traces within 1e-4${node.ok ? '' : ' [SKIPPED: no WebGPU adapter]'}`, async (family, path, text) => {
    if (!node.ok) throw new Error('unreachable');
    const cp = parseCheckpoint(readFileSync(path, 'utf8'));
    const pool = new FamilyPool();
    pools.push(pool);
    const gpu = await computeFamilyWalkthrough(text, pool.choose(family, cp, { ctx: node.gpu.ctx, generation: 1 }), family, { yieldToUi: () => Promise.resolve() });
    const cpu = await computeFamilyWalkthrough(text, pool.choose(family, cp, null), family, { yieldToUi: () => Promise.resolve() });
    if (!gpu.ok || !cpu.ok) throw new Error('refused');
    expect(gpu.result.backend.kind).toBe('webgpu');
    expect(gpu.result.translation.text).toBe(cpu.result.translation.text);
    const names = Object.keys(gpu.result.comparison.byName);
    expect(names.length).toBe(gpu.result.trace.names().length);
    for (const [name, d] of Object.entries(gpu.result.comparison.byName)) expect(d.maxRel, name).toBeLessThan(1e-4);
    expect(gpu.result.dispatches.records.length).toBeGreaterThan(0);
    expect(node.gpu.takeErrors()).toEqual([]);
  });
});
