// Pins the first outputs of every generator (recorded from the code before these generators
// were gathered here): the shipped checkpoint, the data streams, drills and dropout masks
// depend on these exact sequences.
import { describe, expect, it } from 'vitest';
import { Rng, hashSeed, lcgNext, mulberry32, pcgHash, restartSeed, stepSeed } from './index';

const U32 = 4294967296;
const take = (n: number, f: () => number) => Array.from({ length: n }, f);

describe('seeded generators (pinned sequences)', () => {
  it('Rng (sfc32 via splitmix32): nextUint32', () => {
    const cases: [number, number[]][] = [
      [0, [743175406, 3597605896, 1716417302, 3512222898, 2604951834]],
      [1, [2615181823, 2440357471, 1641371215, 1994568802, 3055284458]],
      [42, [1950173407, 3058870609, 4145021870, 2235583096, 4070113540]],
      [0xdeadbeef, [295599572, 1291233282, 3912812100, 1863711998, 3230451979]],
    ];
    for (const [seed, want] of cases) {
      const r = new Rng(seed);
      expect(take(5, () => r.nextUint32()), `seed ${seed}`).toEqual(want);
    }
    expect(new Rng(1 + U32).nextUint32()).toBe(2615181823); // seeds agree mod 2^32
  });

  it('mulberry32', () => {
    const cases: [number, number[]][] = [
      [0, [1144304738, 1416247, 958946056, 627933444, 2007157716]],
      [1, [2693262067, 11749833, 2265367787, 4213581821, 4159151403]],
      [42, [2581720956, 1925393290, 3661312704, 2876485805, 750819978]],
      [0xdeadbeef, [4043151706, 1147597007, 3315858022, 1538288752, 2042435954]],
    ];
    for (const [seed, want] of cases) {
      const r = mulberry32(seed);
      expect(take(5, () => r() * U32), `seed ${seed}`).toEqual(want);
    }
  });

  it('hashSeed (FNV-1a) and mulberry32(hashSeed(s)), the study drills', () => {
    const cases: [string | number, number, number[]][] = [
      ['', 2166136261, [2625274932, 2119670693, 3324411561]],
      ['a', 3826002220, [2670119670, 1323809741, 1575654966]],
      ['drill-7', 3115077338, [1724439464, 3142923323, 22017594]],
      [42, 2279835011, [1321692771, 1578880846, 993578597]],
    ];
    for (const [seed, hash, want] of cases) {
      expect(hashSeed(seed)).toBe(hash);
      const r = mulberry32(hashSeed(seed));
      expect(take(3, () => r() * U32), `seed ${seed}`).toEqual(want);
    }
  });

  it('lcgNext', () => {
    const cases: [number, number[]][] = [
      [0, [1013904223, 1196435762, 3519870697, 2868466484, 1649599747]],
      [1, [1015568748, 1586005467, 2165703038, 3027450565, 217083232]],
      [42, [1083814273, 378494188, 2479403867, 955863294, 1613448261]],
      [0xdeadbeef, [1789648770, 4125694201, 160001540, 950215059, 1668495830]],
    ];
    for (const [seed, want] of cases) {
      let s = seed;
      expect(take(5, () => (s = lcgNext(s))), `seed ${seed}`).toEqual(want);
    }
  });

  it('pcgHash', () => {
    expect([0, 1, 42, 0xdeadbeef].map(pcgHash)).toEqual([129708002, 2831084092, 1223963391, 1730779506]);
  });

  it('seed derivations: stepSeed and restartSeed', () => {
    const cases: [number, number, number, number][] = [
      [1, 1, 1013904227, 1399529529],
      [1, 2, 1013904224, 1399529530],
      [7, 1000, 4055617120, 146275910],
      [0, 0, 2654435761, 0],
    ];
    for (const [seed, step, s, r] of cases) {
      expect(stepSeed(seed, step)).toBe(s);
      expect(restartSeed(seed, step)).toBe(r);
    }
  });
});
