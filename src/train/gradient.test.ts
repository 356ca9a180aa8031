// Whole-model gradient check: the tape's gradients for every parameter tensor against
// central finite differences of the loss, for each architecture option.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import type { ModelConfig } from '../model/config';
import { forwardBackward } from './step';
import { seededRandom } from '../model/parameters';
import { tinyBatch, tinyModel } from '../model/testing/tiny';

const variants: Array<[string, Partial<ModelConfig>]> = [
  ['post-norm, ReLU, sinusoidal', {}],
  ['pre-norm, GELU, learned positions', { norm: 'pre', activation: 'gelu', positional: 'learned' }],
  ['no positions, no embedding scale', { positional: 'none', embedScale: false, activation: 'gelu' }],
];

describe('model gradients match finite differences', () => {
  for (const [name, cfg] of variants) {
    it(name, async () => {
      const be = createCpuBackend();
      const model = tinyModel(be, cfg, 11);
      const batch = tinyBatch(3, 5, 6, 5);
      const opt = { labelSmoothing: 0.1, dropout: 0 };
      const loss = async (): Promise<number> => {
        const l = be.scope(() => forwardBackward(model, batch, opt, 0, 1));
        const v = (await be.read(l))[0];
        be.dispose(l);
        return v / batch.nTokens;
      };

      be.fill(model.arena.grads, 0);
      await loss();
      const grads = new Map<string, Float32Array>();
      for (const pname of model.arena.names()) grads.set(pname, (await be.read(model.arena.grad(pname))) as Float32Array);

      // For each tensor compare the directional derivative along a random unit direction r:
      // (L(p + h·r) − L(p − h·r)) / 2h against g·r. Summing over the whole tensor keeps the
      // numbers well above float32 noise, so the tolerance can be tight.
      const rand = seededRandom(99);
      let checked = 0;
      for (const pname of model.arena.names()) {
        const param = model.arena.param(pname);
        const base = Float32Array.from(await be.read(param));
        const r = base.map(() => rand() * 2 - 1);
        const norm = Math.hypot(...r);
        const g = grads.get(pname)!;
        let analytic = 0;
        for (let i = 0; i < r.length; i++) analytic += g[i] * (r[i] / norm);
        const h = 1e-2;
        be.write(param, base.map((v, i) => v + (h * r[i]) / norm));
        const up = await loss();
        be.write(param, base.map((v, i) => v - (h * r[i]) / norm));
        const down = await loss();
        be.write(param, base);
        const numeric = (up - down) / (2 * h);
        const err = Math.abs(analytic - numeric);
        expect(err, `${pname}: analytic ${analytic} numeric ${numeric}`).toBeLessThan(2e-4 + 1e-2 * Math.abs(numeric));
        checked++;
      }
      expect(checked).toBe(model.arena.names().length);
    });
  }
});
