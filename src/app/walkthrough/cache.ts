// A small least-recently-used map: the walkthrough keeps the last few sentences' results, so
// going back to a sentence (or switching stages) never recomputes.
export class LruCache<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LruCache: capacity must be a positive integer, got ${capacity}`);
  }

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key); // re-insert: most recent last
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

/**
 * A value computed at most once per key at a time: a cached result comes back at once, and
 * concurrent asks for the same key share one computation, whose ok result lands in the cache.
 */
export class SharedComputation<V> {
  private readonly inFlight = new Map<string, Promise<{ ok: true; result: V } | { ok: false }>>();

  constructor(private readonly cache: LruCache<V>) {}

  get<O extends { ok: true; result: V } | { ok: false }>(key: string, compute: () => Promise<O>): Promise<O | { ok: true; result: V }> {
    const hit = this.cache.get(key);
    if (hit) return Promise.resolve({ ok: true, result: hit });
    let pending = this.inFlight.get(key) as Promise<O> | undefined;
    if (!pending) {
      pending = compute()
        .then((outcome) => {
          if (outcome.ok) this.cache.set(key, outcome.result);
          return outcome;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }
}
