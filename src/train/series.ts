// A metric over training steps that never outgrows its capacity: when full, neighbouring
// points are merged in pairs (mean value, the later step), so a long run keeps its whole
// history at half the resolution instead of forgetting its start. Charts read `steps` and
// `values` up to `length` (typed arrays: no garbage per step).

export interface SeriesJson {
  /** Points merged into each stored point at the current resolution. */
  stride: number;
  steps: number[];
  values: number[];
}

export class Series {
  private stepsBuf: Float64Array;
  private valuesBuf: Float64Array;
  private n = 0;
  /** Raw points per stored point; doubles on every compaction. */
  private strideNow = 1;
  /** A partial point being accumulated at the current stride. */
  private pendingSum = 0;
  private pendingCount = 0;

  constructor(readonly capacity = 4096) {
    if (!Number.isInteger(capacity) || capacity < 4 || capacity % 2 !== 0) throw new RangeError(`Series: capacity must be an even integer ≥ 4, got ${capacity}`);
    this.stepsBuf = new Float64Array(capacity);
    this.valuesBuf = new Float64Array(capacity);
  }

  get length(): number {
    return this.n;
  }

  get stride(): number {
    return this.strideNow;
  }

  /** Stored steps (a view: valid until the next push). */
  get steps(): Float64Array {
    return this.stepsBuf.subarray(0, this.n);
  }

  get values(): Float64Array {
    return this.valuesBuf.subarray(0, this.n);
  }

  last(): { step: number; value: number } | null {
    return this.n ? { step: this.stepsBuf[this.n - 1], value: this.valuesBuf[this.n - 1] } : null;
  }

  /** Value at or just before `step` (binary search), or null. */
  at(step: number): number | null {
    let lo = 0;
    let hi = this.n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.stepsBuf[mid] <= step) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? null : this.valuesBuf[found];
  }

  push(step: number, value: number): void {
    if (this.n === this.capacity) this.compact();
    if (this.strideNow > 1) {
      // Accumulate until a full stride, so new points match the resolution of old ones.
      this.pendingSum += value;
      this.pendingCount++;
      if (this.pendingCount < this.strideNow) return;
      value = this.pendingSum / this.pendingCount;
      this.pendingSum = 0;
      this.pendingCount = 0;
    }
    this.stepsBuf[this.n] = step;
    this.valuesBuf[this.n] = value;
    this.n++;
  }

  /** Drop every point after `step` (a rollback). */
  truncateAfter(step: number): void {
    while (this.n > 0 && this.stepsBuf[this.n - 1] > step) this.n--;
    this.pendingSum = 0;
    this.pendingCount = 0;
  }

  clear(): void {
    this.n = 0;
    this.strideNow = 1;
    this.pendingSum = 0;
    this.pendingCount = 0;
  }

  private compact(): void {
    const half = this.n / 2;
    for (let i = 0; i < half; i++) {
      this.stepsBuf[i] = this.stepsBuf[2 * i + 1];
      this.valuesBuf[i] = (this.valuesBuf[2 * i] + this.valuesBuf[2 * i + 1]) / 2;
    }
    this.n = half;
    this.strideNow *= 2;
  }

  /** At most `maxPoints` points (merging further), rounded for storage. */
  toJSON(maxPoints = 1024): SeriesJson {
    const copy = Series.fromJSON({ stride: this.strideNow, steps: Array.from(this.steps), values: Array.from(this.values) }, this.capacity);
    while (copy.n > maxPoints) copy.compact();
    const round = (v: number) => Number(v.toPrecision(5));
    return { stride: copy.strideNow, steps: Array.from(copy.steps), values: Array.from(copy.values, round) };
  }

  /** Replace the contents with saved points (keeping their resolution). */
  load(json: SeriesJson): void {
    const s = Series.fromJSON(json, this.capacity);
    this.stepsBuf = s.stepsBuf;
    this.valuesBuf = s.valuesBuf;
    this.n = s.n;
    this.strideNow = s.strideNow;
    this.pendingSum = 0;
    this.pendingCount = 0;
  }

  static fromJSON(json: SeriesJson, capacity = 4096): Series {
    const s = new Series(capacity);
    s.strideNow = Math.max(1, Math.floor(json.stride) || 1);
    const n = Math.min(json.steps.length, json.values.length);
    for (let i = 0; i < n; i++) {
      if (s.n === s.capacity) s.compact();
      s.stepsBuf[s.n] = json.steps[i];
      s.valuesBuf[s.n] = json.values[i];
      s.n++;
    }
    return s;
  }
}
