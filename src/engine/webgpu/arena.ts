// The parameter arena: params, grads and the two Adam moments as four flat GPU buffers, each
// parameter at a 256-byte-aligned offset (64 floats) so its view binds with an offset — the
// same layout as the CPU arena, so flat readbacks mean the same on both backends — plus
// Adam's applied-update count t (one i32 in its own buffer, advanced by the adam kernels).
import { EngineError, shapeStr, type Arena, type ArenaEntry } from '../backend';
import { checkShape } from './checks';
import { arenaLayout } from '../shared/arenaLayout';
export { ARENA_ALIGN, arenaLayout } from '../shared/arenaLayout';
import type { GpuExecutor } from './context';
import type { GpuTensor } from './tensor';

interface Slot {
  param: GpuTensor;
  grad: GpuTensor;
}

export class GpuArena implements Arena {
  readonly length: number;
  readonly params: GpuTensor;
  readonly grads: GpuTensor;
  readonly m: GpuTensor;
  readonly v: GpuTensor;
  readonly adamStep: GpuTensor;
  private readonly slots = new Map<string, Slot>();

  constructor(
    readonly owner: GpuExecutor,
    entries: readonly ArenaEntry[],
    label: string,
  ) {
    const seen = new Set<string>();
    for (const e of entries) {
      checkShape('createArena', e.shape);
      if (seen.has(e.name)) throw new EngineError('createArena', `duplicate parameter '${e.name}'`);
      seen.add(e.name);
    }
    const { offsets, length } = arenaLayout(entries);
    this.length = length;
    const region = (name: string) => {
      const bytes = Math.max(length * 4, 256);
      const storage = owner.createOwnedBuffer(`${label}.${name}`, bytes);
      return owner.view(storage, 0, [length], 'f32', `${label}.${name}`, true);
    };
    this.params = region('params');
    this.grads = region('grads');
    this.m = region('m');
    this.v = region('v');
    this.adamStep = owner.view(owner.createOwnedBuffer(`${label}.adamStep`, 256), 0, [1], 'i32', `${label}.adamStep`, true);
    entries.forEach((e, i) => {
      const at = offsets[i] * 4;
      this.slots.set(e.name, {
        param: owner.view(this.params.storage, at, e.shape, 'f32', e.name, true),
        grad: owner.view(this.grads.storage, at, e.shape, 'f32', `${e.name}.grad`, true),
      });
    });
  }

  param(name: string): GpuTensor {
    return this.slot('arena.param', name).param;
  }

  grad(name: string): GpuTensor {
    return this.slot('arena.grad', name).grad;
  }

  names(): string[] {
    return [...this.slots.keys()];
  }

  private slot(op: string, name: string): Slot {
    const s = this.slots.get(name);
    if (!s) throw new EngineError(op, `no parameter '${name}' in arena ${shapeStr([this.length])}`);
    return s;
  }
}
