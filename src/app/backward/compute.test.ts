// One training step on the shipped checkpoint, as the training-step walkthrough gets it: on the
// CPU, and on WebGPU (Dawn in Node) compared with the CPU entry by entry — forward points, the
// gradient at every point and every parameter gradient.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCheckpoint } from '../../model/checkpoint';
import { gpuRequired } from '../../engine/webgpu/testing/harness';
import { createNodeGpu } from '../../engine/webgpu/testing/nodeGpu';
import type { BackwardRequest, BackwardResult } from '../../store/backwardResult';
import { TranslatorPool } from '../walkthrough/translators';
import { computeBackward } from './compute';

const cp = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));
const immediate = () => Promise.resolve();
const REQ: BackwardRequest = { text: 'The cat sat.', target: '猫 坐 了 。', smoothing: 0.1, lr: 1e-3 };

async function run(pool: TranslatorPool, req: BackwardRequest = REQ, gpu: Parameters<TranslatorPool['choose']>[2] = null): Promise<BackwardResult> {
  const outcome = await computeBackward(req, pool.choose('shipped', cp, gpu), 'shipped', { yieldToUi: immediate });
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problem)}`);
  return outcome.result;
}

describe('computeBackward on the CPU', () => {
  const pool = new TranslatorPool();
  afterAll(() => pool.destroy());

  it('records the step: loss per position, gradients at every point, the update on a copy', async () => {
    const r = await run(pool);
    expect(r.labels).toEqual({ source: ['the', 'cat', 'sat', '.', '<eos>'], targetInput: ['<bos>', '猫', '坐', '了', '。'], targetOutput: ['猫', '坐', '了', '。', '<eos>'] });
    expect(r.nTokens).toBe(5);
    expect(r.lossRows).toHaveLength(5);
    expect(r.loss).toBeCloseTo(r.lossRows.reduce((a, b) => a + b, 0) / 5, 6);
    // A trained model on its own training pair: the smoothed loss sits near its floor, not at 0.
    expect(r.loss).toBeGreaterThan(0.3);
    for (const name of ['logits', 'dec.1.ffn.hidden', 'dec.1.self.q', 'dec.0.cross.weights', 'enc.out', 'src.x', 'tgt.x']) {
      expect(r.trace.get(`grad:${name}`).shape, name).toEqual(r.trace.get(name).shape);
    }
    expect(r.paramGrads.size).toBe(r.parameters.shapes.size);
    expect(r.flow.points).toHaveLength(2 * 3 + 2 * 2);
    expect(r.flow.norms.every((n) => n > 0)).toBe(true);
    expect(r.update.after.size).toBe(r.parameters.shapes.size);
    // The model already knows this pair: a tiny gradient, and Adam's first step (≈ lr on every
    // weight, whatever its gradient) does not lower the loss. On a pair it gets wrong it does.
    expect(r.gradNorm).toBeLessThan(0.1);
    const wrong = await run(pool, { ...REQ, target: '狗 坐 了 。' });
    expect(wrong.gradNorm).toBeGreaterThan(10 * r.gradNorm);
    expect(wrong.after.loss).toBeLessThan(wrong.loss - 0.1);
    // Backward kernels are labelled by the part of the model they served.
    expect(r.dispatches.records.some((d) => d.scope.startsWith('backward/dec.1.self'))).toBe(true);
    expect(r.dispatches.records.some((d) => d.scope === 'loss' && d.source === 'cpu/crossEntropy.ts')).toBe(true);
    expect(r.comparison.sameBackend).toBe(true);
  });

  it('refuses unknown words, empty sides and over-long sentences by name', async () => {
    const problem = async (req: Partial<BackwardRequest>) => {
      const o = await computeBackward({ ...REQ, ...req }, pool.choose('shipped', cp, null), 'shipped', { yieldToUi: immediate });
      return o.ok ? null : o.problem;
    };
    expect(await problem({ text: 'the zebra sat .' })).toEqual({ kind: 'unknown', side: 'source', words: ['zebra'] });
    expect(await problem({ target: '猫 跳舞 了 。' })).toEqual({ kind: 'unknown', side: 'target', words: ['跳舞'] });
    expect(await problem({ target: '  ' })).toEqual({ kind: 'empty', side: 'target' });
    expect(await problem({ text: Array(30).fill('cat').join(' ') })).toMatchObject({ kind: 'too-long', side: 'source' });
  });
});

describe('computeBackward on WebGPU', async () => {
  const node = await createNodeGpu();
  if (!node.ok && gpuRequired()) throw new Error(`computeBackward on WebGPU: no adapter (${node.reason}), but one is required here`);
  const pool = new TranslatorPool();
  afterAll(() => {
    pool.destroy();
    if (node.ok) node.gpu.destroy();
  });

  it.skipIf(!node.ok)(`agrees with the CPU on every forward point, every gradient and every parameter gradient${node.ok ? '' : ` [SKIPPED: no WebGPU adapter — ${node.reason}]`}`, async () => {
    if (!node.ok) return;
    const r = await run(pool, REQ, { ctx: node.gpu.ctx, generation: 1 });
    expect(r.backend.kind).toBe('webgpu');
    expect(r.comparison.sameBackend).toBe(false);
    const names = Object.keys(r.comparison.byName);
    expect(names.filter((n) => n.startsWith('grad:')).length).toBeGreaterThan(50);
    expect(names.filter((n) => n.startsWith('param:')).length).toBe(r.parameters.shapes.size);
    for (const [name, d] of Object.entries(r.comparison.byName)) expect(d.maxRel, name).toBeLessThan(5e-3);
    expect(node.gpu.takeErrors()).toEqual([]);
  });
});
