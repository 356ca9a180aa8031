// Every op's argument checks are written once (src/engine/shared/opChecks.ts, memoryChecks.ts):
// for the same bad call, the CPU and the WebGPU backend throw an EngineError with the same
// message. One table of bad calls, tiny shapes; each runs on both backends (the CPU half runs
// everywhere, the WebGPU half where there is an adapter).
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError, type Activation, type Backend, type DType, type Shape } from '../backend';
import { createCpuBackend } from '../cpu';
import { openHarness } from './testing/harness';

type Case = [name: string, call: (be: Backend) => unknown];

const t = (be: Backend, shape: Shape, dtype: DType = 'f32', data?: number[]) => be.tensor(shape, data ?? null, dtype);
const ids = (be: Backend, data: number[]) => be.tensor([data.length], data, 'i32');
const adamOpts = { lr: 0.1, beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0 };
const arena = (be: Backend) => be.createArena([{ name: 'w', shape: [2] }]);

const CASES: Case[] = [
  // matmul
  ['matmul rank', (be) => be.matmul(t(be, [5]), t(be, [5, 2]))],
  ['matmul inner dims', (be) => be.matmul(t(be, [2, 3]), t(be, [4, 2]))],
  ['matmul inner dims transB', (be) => be.matmul(t(be, [2, 3]), t(be, [4, 2]), { transB: true })],
  ['matmul batch counts', (be) => be.matmul(t(be, [2, 3, 4]), t(be, [3, 4, 5]))],
  ['matmul bias', (be) => be.matmul(t(be, [2, 3]), t(be, [3, 4]), { bias: t(be, [3]) })],
  ['matmul alpha', (be) => be.matmul(t(be, [2, 3]), t(be, [3, 4]), { alpha: NaN })],
  ['matmul aHeads shape', (be) => be.matmul(t(be, [3, 2, 2]), t(be, [4, 5]), { aHeads: 2 })],
  ['matmul outHeads divides', (be) => be.matmul(t(be, [4, 3]), t(be, [3, 5]), { outHeads: { batch: 2, heads: 2 } })],
  ['matmul heads batched', (be) => be.matmul(t(be, [2, 2, 3]), t(be, [2, 3, 4]), { outHeads: { batch: 2, heads: 2 } })],
  ['matmul add and bias', (be) => be.matmul(t(be, [2, 3]), t(be, [3, 4]), { bias: t(be, [4]), add: t(be, [2, 4]) })],
  ['matmul add size', (be) => be.matmul(t(be, [2, 3]), t(be, [3, 4]), { add: t(be, [4, 2, 1]) })],
  ['matmul activationGrad size', (be) => be.matmul(t(be, [2, 3]), t(be, [3, 4]), { activationGrad: { kind: 'relu', x: t(be, [3]) } })],
  ['matmul sumB size', (be) => be.matmul(t(be, [3, 2]), t(be, [3, 4]), { transA: true, sumB: t(be, [3]) })],
  ['matmul sumB batched', (be) => be.matmul(t(be, [2, 2, 3]), t(be, [3, 4]), { sumB: t(be, [4]) })],
  ['matmulGroup lengths', (be) => be.matmulGroup([t(be, [2, 3]), t(be, [2, 3])], [t(be, [3, 4]), t(be, [3, 4]), t(be, [3, 4])])],
  ['matmulGroup shapes', (be) => be.matmulGroup([t(be, [2, 3])], [t(be, [3, 4]), t(be, [3, 5])])],
  ['matmulGroup reduce out', (be) => be.matmulGroup([t(be, [2, 3])], [t(be, [3, 4])], { reduce: true, out: [t(be, [2, 4])] })],
  ['matmulGroup accumulate', (be) => be.matmulGroup([t(be, [2, 3])], [t(be, [3, 4])], { accumulate: true })],
  ['matmulActivation kind', (be) => be.matmulActivation(t(be, [2, 3]), t(be, [3, 4]), 'tanh' as Activation)],
  // attention
  ['attention shapes', (be) => be.attention(t(be, [2, 3, 4]), t(be, [2, 5, 3]), t(be, [2, 5, 3]))],
  ['attention keyMask', (be) => be.attention(t(be, [4, 3, 2]), t(be, [4, 5, 2]), t(be, [4, 5, 2]), { keyMask: t(be, [2, 4]), heads: 2 })],
  ['attentionBackward weights', (be) => be.attentionBackward(t(be, [2, 3, 4]), t(be, [2, 5, 4]), t(be, [2, 5, 4]), t(be, [2, 3, 4]), t(be, [2, 3, 4]))],
  ['attentionBackward dOut', (be) => be.attentionBackward(t(be, [2, 3, 4]), t(be, [2, 5, 4]), t(be, [2, 5, 4]), t(be, [2, 3, 5]), t(be, [2, 3, 5]))],
  // softmax, maskScores, softmaxBackward
  ['softmax scale', (be) => be.softmax(t(be, [2, 3]), { scale: Infinity })],
  ['softmax causalOffset', (be) => be.softmax(t(be, [2, 3]), { causal: true, causalOffset: 0.5 })],
  ['softmax causal 1-D', (be) => be.softmax(t(be, [5]), { causal: true })],
  ['softmax keyMask', (be) => be.softmax(t(be, [6, 5, 3]), { keyMask: t(be, [3, 3]), heads: 3 })],
  ['softmax heads', (be) => be.softmax(t(be, [2, 2, 3]), { keyMask: t(be, [2, 3]), heads: 0 })],
  ['maskScores keyMask', (be) => be.maskScores(t(be, [2, 2, 3]), { keyMask: t(be, [2, 4]) })],
  ['softmaxBackward sizes', (be) => be.softmaxBackward(t(be, [2, 3]), t(be, [2, 2]))],
  ['softmaxBackward last dims', (be) => be.softmaxBackward(t(be, [2, 3]), t(be, [3, 2]))],
  ['softmaxBackward scale', (be) => be.softmaxBackward(t(be, [2, 3]), t(be, [2, 3]), NaN)],
  // layerNorm
  ['layerNorm gamma', (be) => be.layerNorm(t(be, [2, 4]), t(be, [3]), t(be, [4]), 1e-5)],
  ['layerNorm beta', (be) => be.layerNorm(t(be, [2, 4]), t(be, [4]), t(be, [3]), 1e-5)],
  ['layerNorm eps < 0', (be) => be.layerNorm(t(be, [2, 4]), t(be, [4]), t(be, [4]), -1)],
  ['layerNorm eps NaN', (be) => be.layerNorm(t(be, [2, 4]), t(be, [4]), t(be, [4]), NaN)],
  ['layerNorm scalar x', (be) => be.layerNorm(t(be, []), t(be, [1]), t(be, [1]), 1e-5)],
  ['addLayerNorm shapes', (be) => be.addLayerNorm(t(be, [2, 4]), t(be, [4, 2]), t(be, [4]), t(be, [4]), 1e-5)],
  ['addLayerNorm gamma', (be) => be.addLayerNorm(t(be, [2, 4]), t(be, [2, 4]), t(be, [3]), t(be, [4]), 1e-5)],
  ['layerNormBackward sizes', (be) => be.layerNormBackward(t(be, [2, 4]), t(be, [2, 3]), t(be, [2]), t(be, [2]), t(be, [3]))],
  ['layerNormBackward mean', (be) => be.layerNormBackward(t(be, [2, 4]), t(be, [2, 4]), t(be, [3]), t(be, [2]), t(be, [4]))],
  ['layerNormBackward gamma', (be) => be.layerNormBackward(t(be, [2, 4]), t(be, [2, 4]), t(be, [2]), t(be, [2]), t(be, [5]))],
  [
    'layerNormBackward dBeta',
    (be) => be.layerNormBackward(t(be, [2, 4]), t(be, [2, 4]), t(be, [2]), t(be, [2]), t(be, [4]), { dBeta: t(be, [2]) }),
  ],
  // activation
  ['activation kind', (be) => be.activation(t(be, [2]), 'tanh' as Activation)],
  ['activationBackward sizes', (be) => be.activationBackward(t(be, [2]), t(be, [3]), 'gelu')],
  ['activationBackward kind', (be) => be.activationBackward(t(be, [2]), t(be, [2]), 'swish' as Activation)],
  // embedding
  ['embedding ids dtype', (be) => be.embedding(t(be, [2]), t(be, [3, 2]), { seqLen: 2 })],
  ['embedding table rank', (be) => be.embedding(ids(be, [0, 1]), t(be, [6]), { seqLen: 2 })],
  ['embedding scale', (be) => be.embedding(ids(be, [0, 1]), t(be, [3, 2]), { seqLen: 2, scale: NaN })],
  ['embedding seqLen', (be) => be.embedding(ids(be, [0, 1]), t(be, [3, 2]), { seqLen: 0 })],
  ['embedding positionOffset', (be) => be.embedding(ids(be, [0, 1]), t(be, [3, 2]), { seqLen: 2, positionOffset: -1 })],
  ['embedding split', (be) => be.embedding(ids(be, [0, 1, 2]), t(be, [3, 2]), { seqLen: 2 })],
  ['embedding positions width', (be) => be.embedding(ids(be, [0, 1]), t(be, [3, 2]), { seqLen: 2, positions: t(be, [4, 3]) })],
  [
    'embedding position past',
    (be) => be.embedding(ids(be, [0, 1]), t(be, [3, 2]), { seqLen: 2, positions: t(be, [4, 2]), positionOffset: 3 }),
  ],
  ['embedding id outside', (be) => be.embedding(ids(be, [0, 3]), t(be, [3, 2]), { seqLen: 2 })],
  ['embeddingBackward out rank', (be) => be.embeddingBackward(ids(be, [0, 1]), t(be, [2, 2]), t(be, [4]))],
  ['embeddingBackward dy', (be) => be.embeddingBackward(ids(be, [0, 1]), t(be, [2, 3]), t(be, [3, 2]))],
  ['embeddingBackward scale', (be) => be.embeddingBackward(ids(be, [0, 1]), t(be, [2, 2]), t(be, [3, 2]), Infinity)],
  ['embeddingBackward id outside', (be) => be.embeddingBackward(ids(be, [-1, 1]), t(be, [2, 2]), t(be, [3, 2]))],
  // crossEntropy
  ['crossEntropy rank', (be) => be.crossEntropy(t(be, [6]), ids(be, [0, 1]))],
  ['crossEntropy targets', (be) => be.crossEntropy(t(be, [2, 3]), ids(be, [0, 1, 2]))],
  ['crossEntropy smoothing', (be) => be.crossEntropy(t(be, [2, 3]), ids(be, [0, 1]), { smoothing: 2 })],
  ['crossEntropy ignoreIndex', (be) => be.crossEntropy(t(be, [2, 3]), ids(be, [0, 1]), { ignoreIndex: 0.5 })],
  ['crossEntropy normalizer', (be) => be.crossEntropy(t(be, [2, 3]), ids(be, [0, 1]), { normalizer: 0 })],
  ['crossEntropy target outside', (be) => be.crossEntropy(t(be, [2, 3]), ids(be, [0, 3]))],
  // adam
  ['adam lr', (be) => be.adam(arena(be), { ...adamOpts, lr: NaN })],
  ['adam betas', (be) => be.adam(arena(be), { ...adamOpts, beta2: 1 })],
  ['adam gradSumSquares size', (be) => be.adam(arena(be), { ...adamOpts, gradSumSquares: t(be, [2]) })],
  ['adam maxNorm without gradSumSquares', (be) => be.adam(arena(be), { ...adamOpts, maxNorm: 1 })],
  ['adam maxNorm', (be) => be.adam(arena(be), { ...adamOpts, maxNorm: 0, gradSumSquares: t(be, [1]) })],
  // elementwise, reductions, heads, dropout, targets
  ['add sizes', (be) => be.add(t(be, [2, 3]), t(be, [5]))],
  ['add alpha', (be) => be.add(t(be, [2]), t(be, [2]), { alpha: NaN })],
  ['add dtype', (be) => be.add(t(be, [2]), t(be, [2], 'i32'))],
  ['mul out', (be) => be.mul(t(be, [2]), t(be, [2]), { out: t(be, [3]) })],
  ['scale s', (be) => be.scale(t(be, [2]), NaN)],
  ['scale accumulate', (be) => be.scale(t(be, [2]), 2, { accumulate: true })],
  ['colSum scalar', (be) => be.colSum(t(be, []))],
  ['colSum out', (be) => be.colSum(t(be, [2, 3]), { out: t(be, [2]) })],
  ['splitHeads rank', (be) => be.splitHeads(t(be, [6]), 2, 2)],
  ['splitHeads batch', (be) => be.splitHeads(t(be, [6, 4]), 0, 2)],
  ['splitHeads split', (be) => be.splitHeads(t(be, [6, 5]), 2, 2)],
  ['mergeHeads rank', (be) => be.mergeHeads(t(be, [4, 2]), 2, 2)],
  ['mergeHeads heads', (be) => be.mergeHeads(t(be, [4, 2, 2]), 2, 1.5)],
  ['mergeHeads leading dim', (be) => be.mergeHeads(t(be, [3, 2, 2]), 2, 2)],
  ['dropoutMask p', (be) => be.dropoutMask([4], 1, 0)],
  ['dropoutMask seed', (be) => be.dropoutMask([4], 0.5, 0.5)],
  ['dropoutMask shape', (be) => be.dropoutMask([2, -1], 0.5, 0)],
  // memory ops
  ['tensor dtype', (be) => be.tensor([2], null, 'f16' as DType)],
  ['tensor data', (be) => be.tensor([2], [1, 2, 3], 'f32', 'x')],
  ['tensor shape', (be) => be.tensor([1.5])],
  ['reshape', (be) => be.reshape(be.tensor([2, 3], null, 'f32', 'x'), [4])],
  ['sliceRows', (be) => be.sliceRows(be.tensor([2, 3], null, 'f32', 'x'), 1, 2)],
  ['write', (be) => be.write(be.tensor([3], null, 'f32', 'x'), [1, 2])],
  ['copy sizes', (be) => be.copy(t(be, [2, 3]), t(be, [3]))],
  ['copy dtypes', (be) => be.copy(t(be, [2]), t(be, [2], 'i32'))],
  ['concatTime dtypes', (be) => be.concatTime(t(be, [2, 2]), t(be, [2, 2], 'i32'), 2)],
  ['concatTime ranks', (be) => be.concatTime(t(be, [2, 2]), t(be, [2, 1, 2]), 2)],
  ['concatTime feature dims', (be) => be.concatTime(t(be, [2, 3]), t(be, [2, 4]), 2)],
  ['concatTime batch', (be) => be.concatTime(t(be, [2, 3]), t(be, [2, 3]), 0)],
  ['concatTime leading dim', (be) => be.concatTime(t(be, [2, 1, 3]), t(be, [2, 1, 3]), 3)],
  ['concatTime rows', (be) => be.concatTime(t(be, [3, 3]), t(be, [2, 3]), 2)],
];

/** The EngineError message of `call` on `be` (fails the test when it does not throw one). */
function messageOf(be: Backend, name: string, call: Case[1]): string {
  try {
    be.scope(() => void call(be));
  } catch (e) {
    expect(e, name).toBeInstanceOf(EngineError);
    return (e as Error).message;
  }
  throw new Error(`${name}: no EngineError`);
}

describe('argument checks (CPU)', () => {
  const be = createCpuBackend();
  it.each(CASES)('%s throws an EngineError naming the op', (name, call) => {
    expect(messageOf(be, name, call)).toMatch(/^[A-Za-z]+: /);
  });
});

const env = await openHarness('argument checks: CPU and WebGPU agree');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  it.each(CASES)('%s', (name, call) => {
    expect(messageOf(h.be, name, call)).toBe(messageOf(h.cpu, name, call));
  });
});
