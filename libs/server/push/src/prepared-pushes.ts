import type { PreparedPush, PushTarget } from './push.port';

interface Entry {
  payload: string;
  target: PushTarget;
  request: PreparedPush;
  until: number;
}

/** Prepared pushes are kept this long at most (a reminder is prepared seconds before it is due). */
export const PREPARED_TTL_MS = 10 * 60_000;
/** And this many at most: beyond, the oldest are dropped (and encrypted again at send time). */
export const PREPARED_MAX = 100_000;

/**
 * Pushes encrypted before they are due, by push key and device. A prepared push is used once, and
 * only for the same payload to the same subscription (endpoint and keys): a reminder edited, a device
 * re-subscribed or an entry too old is encrypted again when sent. Bounded in count and age.
 */
export class PreparedPushes {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly max = PREPARED_MAX,
    private readonly ttlMs = PREPARED_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  put(key: string, deviceId: string, payload: string, target: PushTarget, request: PreparedPush): void {
    const id = `${key}|${deviceId}`;
    this.entries.delete(id);
    if (this.entries.size >= this.max) this.evict();
    this.entries.set(id, { payload, target, request, until: this.now() + this.ttlMs });
  }

  /**
   * The prepared request for this push, removed: undefined when none was prepared, 'stale' when the
   * one prepared no longer fits (too old, another payload, the device's subscription changed).
   */
  take(
    key: string,
    deviceId: string,
    payload: string,
    target: PushTarget,
  ): PreparedPush | 'stale' | undefined {
    const id = `${key}|${deviceId}`;
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    const fits =
      entry.until > this.now() &&
      entry.payload === payload &&
      entry.target.endpoint === target.endpoint &&
      entry.target.p256dh === target.p256dh &&
      entry.target.auth === target.auth;
    return fits ? entry.request : 'stale';
  }

  /**
   * Drops expired entries, then the oldest down to nine tenths of the bound (Maps keep insertion
   * order), so a full cache is scanned once per tenth of its size, not on every put.
   */
  private evict(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) if (entry.until <= now) this.entries.delete(id);
    const keep = Math.floor(this.max * 0.9);
    for (const id of this.entries.keys()) {
      if (this.entries.size <= keep) break;
      this.entries.delete(id);
    }
  }
}
