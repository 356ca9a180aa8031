// attention.wgsl's wrapper: fused attention forward (P and P·V) and backward (dq, dk, dv).
import type { AttentionGrads, AttentionResult, SoftmaxOptions, Tensor } from '../../backend';
import { alignUp } from '../../shared/arenaLayout';
import { FUSED_KERNELS } from '../../shared/fusedKernels';
import { checkAttention, checkAttentionBackward, grid, outLabel } from '../checks';
import type { GpuExecutor } from '../context';
import { defineParams } from '../params';

/** The backward's workgroup: a block's rows (max(Tq, Tk)) up to a power of two, 8…64. */
export function backwardWorkgroup(tq: number, tk: number): number {
  return Math.min(64, Math.max(8, 2 ** Math.ceil(Math.log2(Math.max(tq, tk, 1)))));
}

/** The vec4 entry points read rows of Dh as vec4s: Dh must be a multiple of 4. */
const vec4 = (dh: number) => dh % 4 === 0;

/** flags: bit 0 causal, bit 1 key mask. */
const PARAMS = defineParams('attention', 'Params', ['blocks', 'tq', 'tk', 'dh', 'heads', 'flags', 'offset', 'scale', 'dq_off', 'dk_off', 'dv_off']);


export function attention(e: GpuExecutor, q: Tensor, k: Tensor, v: Tensor, opts: SoftmaxOptions = {}): AttentionResult {
  const op = 'attention';
  const Q = e.need(op, 'q', q);
  const K = e.need(op, 'k', k);
  const V = e.need(op, 'v', v);
  const keyMask = opts.keyMask ? e.need(op, 'keyMask', opts.keyMask) : null;
  const p = checkAttention(op, Q, K, V, opts, keyMask);
  const weights = e.alloc([p.blocks, p.tq, p.tk], 'f32', outLabel('attention.weights', Q));
  const out = e.alloc(Q.shape, 'f32', outLabel('attention.out', Q));
  const rows = p.blocks * p.tq;
  if (!rows) return { out, weights };
  e.run({
    family: 'attention',
    entry: vec4(p.dh) ? 'forward4' : 'forward',
    kernel: FUSED_KERNELS.attention,
    label: out.label,
    bindings: ['r', 'r', 'r', 'r', 'w', 'w'],
    uniforms: PARAMS.pack({
      blocks: p.blocks,
      tq: p.tq,
      tk: p.tk,
      dh: p.dh,
      heads: p.heads,
      flags: (p.causal ? 1 : 0) | (keyMask ? 2 : 0),
      offset: p.causalOffset,
      scale: p.scale,
      dq_off: 0,
      dk_off: 0,
      dv_off: 0,
    }),
    tensors: [Q, K, V, keyMask, p.tk ? weights : null, p.dh ? out : null],
    workgroups: grid(Math.ceil(rows / 64)),
  });
  return { out, weights };
}

export function attentionBackward(e: GpuExecutor, q: Tensor, k: Tensor, v: Tensor, weights: Tensor, dOut: Tensor, scale = 1): AttentionGrads {
  const op = 'attentionBackward';
  const Q = e.need(op, 'q', q);
  const K = e.need(op, 'k', k);
  const V = e.need(op, 'v', v);
  const W = e.need(op, 'weights', weights);
  const DO = e.need(op, 'dOut', dOut);
  const p = checkAttentionBackward(op, Q, K, V, W, DO, scale);
  // dq, dk, dv in one buffer at 256-byte-aligned offsets: dk and dv (and dq when Tq = Tk)
  // evenly spaced, so the projections' backward takes them as one group.
  const qSize = Q.size;
  const kSize = K.size;
  const dkOff = alignUp(qSize);
  const dvOff = dkOff + alignUp(kSize);
  const base = e.alloc([Math.max(1, dvOff + kSize)], 'f32', outLabel('attention.grads', Q));
  const view = (off: number, shape: readonly number[], name: string) => e.view(base.storage, base.offset + off * 4, shape, 'f32', outLabel(name, Q), false);
  const grads = { dq: view(0, Q.shape, 'attention.dq'), dk: view(dkOff, K.shape, 'attention.dk'), dv: view(dvOff, K.shape, 'attention.dv') };
  if (p.blocks && p.dh && (p.tq || p.tk)) {
    const ds = e.alloc([Math.max(1, p.blocks * p.tq * p.tk)], 'f32', outLabel('attention.dS', Q));
    e.run({
      family: 'attention',
      entry: vec4(p.dh) ? 'backward4' : 'backward',
      kernel: FUSED_KERNELS.attentionBackward,
      label: base.label,
      bindings: ['r', 'r', 'r', 'r', 'r', 'w', 'w'],
      constants: { WG: backwardWorkgroup(p.tq, p.tk) },
      uniforms: PARAMS.pack({
        blocks: p.blocks,
        tq: p.tq,
        tk: p.tk,
        dh: p.dh,
        heads: 1,
        flags: 0,
        offset: 0,
        scale,
        dq_off: 0,
        dk_off: dkOff,
        dv_off: dvOff,
      }),
      tensors: [Q, K, V, W, DO, base, ds],
      workgroups: grid(p.blocks),
    });
    e.dispose(ds);
  }
  e.dispose(base);
  return grads;
}
