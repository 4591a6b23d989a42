import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { TooManyAttempts } from '../common/errors';
import type { Limit } from './limits';
import type { ThrottleStore } from './throttle-store';
import { windowStart } from './throttle-store';

export const THROTTLE_STORE = Symbol('THROTTLE_STORE');

export type ThrottleResult = { allowed: true } | { allowed: false; retryAt: Date };

/** Counts events against limits in the shared store and says when the next one is allowed. */
@Injectable()
export class ThrottleService implements OnModuleDestroy {
  constructor(@Inject(THROTTLE_STORE) private readonly store: ThrottleStore) {}

  /** Counts one event under each (limit, key) pair; refused when any limit is over, with the latest time all allow it again. */
  async check(checks: [Limit, string][], now: Date): Promise<ThrottleResult> {
    let retryAt: Date | null = null;
    for (const [limit, key] of checks) {
      const count = await this.store.hit(`${limit.scope}:${key}`, limit.windowMs, now);
      if (count > limit.max) {
        const end = new Date(windowStart(limit.windowMs, now).getTime() + limit.windowMs);
        if (!retryAt || end > retryAt) retryAt = end;
      }
    }
    return retryAt ? { allowed: false, retryAt } : { allowed: true };
  }

  /** As `check`, but a refusal is a 429 in plain words. */
  async consume(checks: [Limit, string][], now: Date, what: string): Promise<void> {
    const result = await this.check(checks, now);
    if (!result.allowed) {
      throw new TooManyAttempts(`Too many ${what} in a short time. Please wait and try again after ${result.retryAt.toISOString()}.`, result.retryAt);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }
}
