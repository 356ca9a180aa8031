// The arena layout both backends share: every parameter starts at a multiple of 64 floats
// (256 bytes, the largest storage-offset alignment WebGPU allows), so a flat readback of
// arena.params means the same thing on either backend.
import { sizeOf, type ArenaEntry } from '../backend';

/** Floats per alignment unit (256 bytes). */
export const ARENA_ALIGN = 64;

export function alignUp(n: number): number {
  return Math.ceil(n / ARENA_ALIGN) * ARENA_ALIGN;
}

/** Offsets of each entry and the padded total: offset_i = align(offset_{i-1} + size_{i-1}). */
export function arenaLayout(entries: readonly ArenaEntry[]): { offsets: number[]; length: number } {
  const offsets: number[] = [];
  let end = 0;
  for (const e of entries) {
    const start = alignUp(end);
    offsets.push(start);
    end = start + sizeOf(e.shape);
  }
  return { offsets, length: alignUp(end) };
}
