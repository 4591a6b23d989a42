import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthRepository } from './auth.repository';
import { NEW_DEVICE_AFTER_MS } from './auth.service';

/** How long sign-in attempts (address and e-mail included) are kept: the longest look-back of the backoff is a day; the rest is for looking into who tried. */
export const LOGIN_ATTEMPTS_KEPT_MS = 90 * 24 * 60 * 60 * 1000;
const EVERY_MS = 60 * 60 * 1000;

export interface HousekeepingResult {
  sessions: number;
  loginAttempts: number;
  accountTokens: number;
}

/**
 * Accounts keep only what still serves them. Hourly, it deletes: sessions that have ended
 * (expired or signed out) and began before the 90 days the new-device mail remembers; sign-in
 * attempts older than 90 days; one-use links and challenges past their expiry. None of these
 * is part of the record. Several API processes may sweep at once: each delete is idempotent.
 * With RELEASE_TICK_MS=0 (tests, which set the clock by hand) it runs only when called.
 */
@Injectable()
export class AccountHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AccountHousekeeping');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly auth: AuthRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.releaseTickMs <= 0) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: Error) => this.logger.error(`Housekeeping failed, will retry in an hour: ${error.message}`));
    }, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<HousekeepingResult> {
    const now = this.clock.now();
    return {
      sessions: await this.auth.deleteEndedSessionsBegunBefore(new Date(now.getTime() - NEW_DEVICE_AFTER_MS), now),
      loginAttempts: await this.auth.deleteLoginAttemptsBefore(new Date(now.getTime() - LOGIN_ATTEMPTS_KEPT_MS)),
      accountTokens: await this.auth.deleteExpiredTokens(now),
    };
  }
}
