// The per-element closeness check: what passes, what fails, and what a failure says.
import { describe, expect, it } from 'vitest';
import { closeMessage, closeness, expectAllClose, expectClose, indexIn } from './close';

const tol = { atol: 1e-6, rtol: 1e-3 };

describe('closeness', () => {
  it('judges each element against its own size, not the tensor maximum', () => {
    // 1e-3 off on an element of 1e-2 is 10% of it: fails, though tiny next to the 100.
    expect(closeness([100, 0.011], [100, 0.01], tol).ok).toBe(false);
    expect(closeness([100.05, 0.01], [100, 0.01], tol).ok).toBe(true);
    // Below atol everything passes, even with opposite signs.
    expect(closeness([5e-7, -4e-7], [-4e-7, 5e-7], tol).ok).toBe(true);
  });

  it('counts failures and points at the element furthest outside its tolerance', () => {
    const c = closeness([1, 2.01, 3.1, 4], [1, 2, 3, 4], tol);
    expect(c).toMatchObject({ ok: false, failing: 2, worst: 2 });
    expect(c.maxAbs).toBeCloseTo(0.1, 6);
  });

  it('rejects NaN, lone infinities and length mismatches; equal infinities pass', () => {
    expect(closeness([1, NaN], [1, 2], tol)).toMatchObject({ ok: false, worst: 1 });
    expect(closeness([NaN], [NaN], tol).ok).toBe(false);
    expect(closeness([Infinity], [1], tol).ok).toBe(false);
    expect(closeness([Infinity, -Infinity], [Infinity, -Infinity], tol).ok).toBe(true);
    expect(closeness([1, 2], [1], tol).ok).toBe(false);
  });
});

describe('messages', () => {
  it('name the tensor, the worst element with its multi-index, both values and the tolerance', () => {
    const m = closeMessage([0, 0, 0, 0, 0, 2], [0, 0, 0, 0, 0, 1], tol, 'dec.0.ffn.w1.weight', [2, 3]);
    expect(m).toContain('dec.0.ffn.w1.weight: 1 of 6 elements outside |a − b| ≤ 0.000001 + 0.001·|b|');
    expect(m).toContain('worst [5] = (1, 2): got 2, expected 1');
    expect(m).toContain('ratio a/b 2.00000');
    expect(closeMessage([1], [1], tol, 'x')).toBeNull();
    expect(indexIn(7, [2, 2, 3])).toBe('[7] = (1, 0, 1)');
    expect(indexIn(7, [9])).toBe('[7]');
  });

  it('expectClose throws the message; expectAllClose lists every bad, missing and extra tensor', () => {
    expect(() => expectClose([1.1], [1], tol, 'w')).toThrow(/^w: 1 of 1 elements/);
    expect(() => expectClose([1], [1], tol, 'w')).not.toThrow();
    const want = new Map([
      ['a', [1, 2]],
      ['b', [3]],
      ['c', [4]],
    ]);
    const got = new Map([
      ['a', [1, 2.5]],
      ['b', [3]],
      ['z', [0]],
    ]);
    let msg = '';
    try {
      expectAllClose(got, want, tol);
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toContain('3 of 3 tensors differ');
    expect(msg).toMatch(/a: 1 of 2 elements .* worst \[1\]: got 2.5, expected 2/);
    expect(msg).toContain('c: missing');
    expect(msg).toContain('z: not expected');
    expect(msg).not.toContain('b:');
  });
});
