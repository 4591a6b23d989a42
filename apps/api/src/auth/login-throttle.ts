import { Injectable } from '@nestjs/common';
import { NotAuthenticated, TooManyAttempts } from '../common/errors';
import { AuthRepository } from './auth.repository';
import { ADDRESS_WINDOW_MS, FAILURES_PER_ADDRESS, nextAttemptAt, PAIR_MEMORY_MS } from './login-backoff';

/** The one answer to a wrong password, an unknown address, or a wrong code: nothing tells them apart. */
export function wrongCredentials(): NotAuthenticated {
  return new NotAuthenticated('The e-mail address or the password is not correct. Check both and try again.', [
    { field: 'password', rule: 'matches', message: 'the e-mail address or the password is not correct' },
  ]);
}

/**
 * Slows whoever guesses passwords (or second-factor codes): per network address and account
 * pair, with exponential backoff, plus a generous ceiling per address across accounts. The
 * owner, from another address, is never slowed by a stranger's guesses. Attempts at
 * addresses without an account are counted the same way, so the answers do not differ.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly auth: AuthRepository) {}

  async refuseIfThrottled(email: string, address: string, now: Date): Promise<void> {
    const pair = await this.auth.pairFailures(address, email, new Date(now.getTime() - PAIR_MEMORY_MS));
    const pairRetryAt = nextAttemptAt(pair.failures, pair.lastAt);
    if (pairRetryAt && pairRetryAt > now) {
      throw new TooManyAttempts(`Too many wrong attempts to sign in to this account from this network. Please wait, and try again after ${pairRetryAt.toISOString()}.`, pairRetryAt);
    }
    const failures = await this.auth.recentFailures({ address }, new Date(now.getTime() - ADDRESS_WINDOW_MS));
    if (failures.length >= FAILURES_PER_ADDRESS) {
      const retryAt = new Date(failures[failures.length - FAILURES_PER_ADDRESS]!.getTime() + ADDRESS_WINDOW_MS);
      throw new TooManyAttempts(`Too many wrong sign-in attempts from this network. Please wait, and try again after ${retryAt.toISOString()}.`, retryAt);
    }
  }

  async record(email: string, address: string, succeeded: boolean, now: Date): Promise<void> {
    await this.auth.recordLoginAttempt({ email, address, succeeded, at: now });
  }
}
