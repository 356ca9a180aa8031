// When a missing adapter must fail the GPU tests instead of skipping them.
import { describe, expect, it } from 'vitest';
import { gpuRequired } from './harness';

describe('gpuRequired', () => {
  it('is off on a developer machine with nothing set', () => {
    expect(gpuRequired({})).toBe(false);
  });
  it('is on in CI and when asked for explicitly', () => {
    expect(gpuRequired({ CI: 'true' })).toBe(true);
    expect(gpuRequired({ CI: '1' })).toBe(true);
    expect(gpuRequired({ ATTENTION_LAB_REQUIRE_GPU: '1' })).toBe(true);
  });
  it('treats CI=false / CI=0 as not CI, and lets ATTENTION_LAB_REQUIRE_GPU=0 opt out in CI', () => {
    expect(gpuRequired({ CI: 'false' })).toBe(false);
    expect(gpuRequired({ CI: '0' })).toBe(false);
    expect(gpuRequired({ CI: 'true', ATTENTION_LAB_REQUIRE_GPU: '0' })).toBe(false);
  });
});
