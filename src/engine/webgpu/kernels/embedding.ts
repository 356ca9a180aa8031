// embedding.wgsl's wrapper: gather with scale and positions, and the deterministic backward
// (two dispatches: link repeated tokens, then one writer per (id, feature)).
// Ids are checked against the table on the host, exactly as the CPU twin checks them, whenever
// the engine knows them (written from the host, untouched by the device since: always the case
// in this app). Ids that only the device knows are not checked; the kernel still never reads
// outside the table (it gathers zeros, and the backward skips them).
import type { EmbeddingOptions, Tensor } from '../../backend';
import { checkEmbedding, checkEmbeddingBackward, checkIds, grid, outLabel } from '../checks';
import type { GpuExecutor } from '../context';
import { defineParams } from '../params';

const FORWARD = defineParams('embedding', 'ForwardParams', ['total', 'd', 'v', 'seq_len', 'pos_offset', 'has_pos', 'scale']);
const LINK = defineParams('embedding', 'LinkParams', ['tokens']);
const BACKWARD = defineParams('embedding', 'BackwardParams', ['total', 'd', 'v', 'scale']);

export function embedding(e: GpuExecutor, ids: Tensor, table: Tensor, opts: EmbeddingOptions): Tensor {
  const op = 'embedding';
  const I = e.need(op, 'ids', ids, 'i32');
  const W = e.need(op, 'table', table);
  const P = opts.positions ? e.need(op, 'positions', opts.positions) : null;
  const { vocab: v, d, n, scale, seqLen, offset } = checkEmbedding(op, I, W, opts, P);
  const known = e.hostIds(I);
  if (known) checkIds(op, 'ids', known, v);
  const y = e.alloc([n, d], 'f32', outLabel(op, W));
  if (!y.size) return y;
  e.run({
    family: 'embedding',
    entry: 'forward',
    kernel: 'embedding',
    label: y.label,
    bindings: ['r', 'r', 'r', 'w'],
    uniforms: FORWARD.pack({ total: y.size, d, v, seq_len: seqLen, pos_offset: offset, has_pos: P ? 1 : 0, scale }),
    tensors: [I, W, P, y],
    workgroups: grid(Math.ceil(y.size / 256)),
  });
  return y;
}

export function embeddingBackward(e: GpuExecutor, ids: Tensor, dy: Tensor, out: Tensor, scale = 1): void {
  const op = 'embeddingBackward';
  const I = e.need(op, 'ids', ids, 'i32');
  const DY = e.need(op, 'dy', dy);
  const O = e.need(op, 'out', out);
  const { vocab: v, d, n } = checkEmbeddingBackward(op, I, DY, O, scale);
  const known = e.hostIds(I);
  if (known) checkIds(op, 'ids', known, v);
  if (!n || !d) return;
  const links = e.alloc([2 * n], 'i32', `embedding.links.${I.label}`);
  e.run({
    family: 'embedding',
    entry: 'link_tokens',
    kernel: 'embedding.backward.links',
    label: links.label,
    bindings: ['r', 'w'],
    uniforms: LINK.pack({ tokens: n }),
    tensors: [I, links],
    workgroups: grid(Math.ceil(n / 256)),
  });
  e.run({
    family: 'embedding',
    entry: 'backward',
    kernel: 'embedding.backward',
    label: `embedding.backward.${O.label}`,
    bindings: ['r', 'r', 'r', 'w'],
    uniforms: BACKWARD.pack({ total: n * d, d, v, scale }),
    tensors: [I, links, DY, O],
    workgroups: grid(Math.ceil((n * d) / 256)),
  });
  e.dispose(links);
}
