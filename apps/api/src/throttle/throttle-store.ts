import type { RedisClientType } from 'redis';

/**
 * Counters of events in fixed windows, shared by every API process: in Redis when
 * `REDIS_URL` is set, else in the database. Never in a process's memory, since several
 * processes may answer one client.
 */
export interface ThrottleStore {
  /** Counts one event under `key` in the window of `windowMs` that holds `now`; answers the count including it. */
  hit(key: string, windowMs: number, now: Date): Promise<number>;
  close(): Promise<void>;
}

export function windowStart(windowMs: number, now: Date): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Redis: one key per counter and window (`INCR`), expiring when the window's time has passed. */
export class RedisThrottleStore implements ThrottleStore {
  constructor(
    private readonly client: RedisClientType,
    private readonly prefix: string,
  ) {}

  async hit(key: string, windowMs: number, now: Date): Promise<number> {
    const start = windowStart(windowMs, now);
    const redisKey = `${this.prefix}throttle:${key}:${start.getTime()}`;
    const [count] = (await this.client.multi().incr(redisKey).pExpire(redisKey, windowMs, 'NX').exec()) as unknown as [number, unknown];
    return Number(count);
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.quit();
  }
}
