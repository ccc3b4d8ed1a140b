/**
 * A small in-process cache for what the portal renders again and again: a published report's rendered
 * tables and charts (keyed by its id and last change, so a correction shows at once) and short-lived
 * lists. Bounded: the oldest entries go first.
 */
export class RenderCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly max = 500,
    private readonly ttlMs = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, make: () => Promise<V> | V): Promise<V> {
    const hit = this.entries.get(key);
    const t = this.now();
    if (hit && hit.expires > t) return hit.value;
    const value = await make();
    this.entries.delete(key);
    this.entries.set(key, { value, expires: t + this.ttlMs });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
