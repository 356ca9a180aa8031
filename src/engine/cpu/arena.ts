// Flat parameter storage: params, grads and the two Adam moments are one Float32Array each,
// every parameter starting at a multiple of 64 floats (256 bytes), the same layout as the
// GPU arena, so a readback of arena.params means the same thing on either backend.
import { EngineError, shapeStr, sizeOf, type Arena, type ArenaEntry } from '../backend';
import { checkShape } from './checks';
import { arenaLayout } from '../shared/arenaLayout';
export { ARENA_ALIGN, arenaLayout } from '../shared/arenaLayout';
import type { CpuContext } from './context';
import type { CpuTensor } from './tensor';

interface Slot {
  param: CpuTensor;
  grad: CpuTensor;
}

export class CpuArena implements Arena {
  readonly length: number;
  readonly params: CpuTensor;
  readonly grads: CpuTensor;
  readonly m: CpuTensor;
  readonly v: CpuTensor;
  readonly adamStep: CpuTensor;
  private readonly slots = new Map<string, Slot>();

  constructor(ctx: CpuContext, entries: readonly ArenaEntry[], label: string) {
    const { offsets, length } = arenaLayout(entries);
    this.length = length;
    const region = (name: string) => ctx.wrap(new Float32Array(length), [length], 'f32', `${label}.${name}`, true);
    this.params = region('params');
    this.grads = region('grads');
    this.m = region('m');
    this.v = region('v');
    this.adamStep = ctx.wrap(new Int32Array(1), [1], 'i32', `${label}.adamStep`, true);
    entries.forEach((e, i) => {
      checkShape('createArena', e.shape);
      if (this.slots.has(e.name)) throw new EngineError('createArena', `duplicate parameter '${e.name}'`);
      const start = offsets[i];
      const end = start + sizeOf(e.shape);
      this.slots.set(e.name, {
        param: ctx.wrap(this.params.f32.subarray(start, end), e.shape, 'f32', e.name, true),
        grad: ctx.wrap(this.grads.f32.subarray(start, end), e.shape, 'f32', `${e.name}.grad`, true),
      });
    });
  }

  param(name: string): CpuTensor {
    return this.slot('arena.param', name).param;
  }

  grad(name: string): CpuTensor {
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
