// A sampled translation for the decoding stage: the model's own step-by-step decode with the KV
// cache (src/model/kvcache.ts), choosing each token with a seeded Sampler (src/model/sampling.ts:
// temperature → top-k → top-p → draw) instead of the argmax. The same request on the same engine
// gives the same tokens; temperature 0 gives the greedy translation.
//
// Length bound as for greedy decoding: at most maxLen tokens, <eos> included (model/decode.ts).
import type { PreparedSource } from '../../data/prepareSource';
import { maxSteps } from '../../model/decode';
import { KVCache } from '../../model/kvcache';
import { Sampler, type SamplingOptions } from '../../model/sampling';
import type { Translator } from '../../model/translator';
import type { BackendSummary, SampleRequest, SampledStepView, SampledTranslationView } from '../../store/walkthroughResult';
import { prepareSentence } from './prepare';
import type { QueuedTranslator } from './translators';

export function samplingOptions(req: Pick<SampleRequest, 'temperature' | 'topK' | 'topP'>): SamplingOptions {
  return { temperature: req.temperature, topK: req.topK, topP: req.topP };
}

/** Decode `source` with a seeded sampler; `key` names the translator (see SampledTranslationView). */
export async function sampleTranslation(
  tr: Translator,
  source: PreparedSource,
  request: SampleRequest,
  info: { key: string; backend: BackendSummary },
): Promise<SampledTranslationView> {
  const model = tr.model;
  const { be } = model;
  const { bos, eos } = tr.special;
  const sampler = new Sampler(samplingOptions(request), request.seed);
  const n = source.ids.length;
  const src = { batch: 1, srcLen: n, srcIds: Int32Array.from(source.ids), srcMask: new Float32Array(n).fill(1) };
  const ctx = model.context();
  const enc = be.scope(() => model.encode(ctx, src));
  const cache = new KVCache(model, enc);
  const ids: number[] = [];
  const steps: SampledStepView[] = [];
  let next = bos;
  try {
    for (let step = 0; step < maxSteps(model, {}); step++) {
      const out = cache.step(Int32Array.of(next), ctx);
      const logits = ((await be.read(out)) as Float32Array).slice(); // (V)
      be.dispose(out);
      const drawn = sampler.next(logits);
      next = drawn.index;
      ids.push(next);
      steps.push({
        token: tr.vocabs.tgt.token(next),
        id: next,
        logits,
        prob: drawn.filtered[next],
        baseProb: drawn.base[next],
        kept: drawn.kept.length,
      });
      if (next === eos) break;
    }
  } finally {
    cache.dispose();
    be.dispose(enc.memory);
    be.dispose(enc.srcMask);
  }
  const tokens = tr.vocabs.tgt.decodeOutput(ids);
  return {
    key: `${info.key}|${request.text}`,
    request,
    ids,
    tokens,
    text: tokens.join(' '),
    steps,
    finished: ids[ids.length - 1] === eos,
    backend: info.backend,
  };
}

/** Prepare the request's sentence and sample it on `on` (after its queued jobs); null for empty input. */
export async function computeSample(request: SampleRequest, on: QueuedTranslator): Promise<SampledTranslationView | null> {
  const tr = on.translator;
  const prepared = prepareSentence(request.text, tr.vocabs.src, tr.maxLen);
  if (!prepared.ok) return null;
  return on.exclusive(() => sampleTranslation(tr, prepared.source, request, { key: on.key, backend: on.info }));
}
