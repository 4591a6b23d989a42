import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { Conflict, InvalidInput, NotAuthenticated, TooManyAttempts } from '../common/errors';
import { AuthContext } from '../common/auth-context';
import { AuthRepository } from './auth.repository';
import { LoginDto, MeDto, PreferencesDto, RegisterDto, UserView, toMeDto, toPreferencesDto } from './dto/auth.dto';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { passwordProblems } from './password-policy';

const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed logins allowed per account, and per network address, in the window. */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_ADDRESS = 20;

export interface SignedIn {
  user: UserView;
  token: string;
  expiresAt: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toUserView(user: UserEntity): UserView {
  return { id: user.id, email: user.email, displayName: user.displayName };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly auth: AuthRepository,
    private readonly clock: Clock,
  ) {}

  async register(dto: RegisterDto, userAgent: string | null): Promise<SignedIn> {
    const problems = passwordProblems(dto.password, dto.email);
    if (problems.length) throw new InvalidInput(problems);
    const now = this.clock.now();
    const user: UserEntity = {
      id: randomUUID(),
      email: dto.email,
      passwordHash: await hashPassword(dto.password),
      displayName: dto.displayName,
      createdAt: now,
      shield: true,
    };
    const { session, token } = this.newSession(user.id, now, userAgent);
    if (!(await this.auth.insertUserWithSession(user, session))) {
      throw new Conflict('An account with this e-mail address already exists. Sign in instead, or use another address.', [
        { field: 'email', rule: 'unique', message: 'email is already registered' },
      ]);
    }
    return { user: toUserView(user), token, expiresAt: session.expiresAt.toISOString() };
  }

  async login(dto: LoginDto, address: string, userAgent: string | null): Promise<SignedIn> {
    const now = this.clock.now();
    await this.refuseIfThrottled(dto.email, address, now);
    const user = await this.auth.findUserByEmail(dto.email);
    const passwordMatches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), dto.password);
    await this.auth.recordLoginAttempt({ email: dto.email, address, succeeded: Boolean(user && passwordMatches), at: now });
    if (!user) {
      throw new NotAuthenticated('No account uses this e-mail address. Check the spelling, or create an account.', [
        { field: 'email', rule: 'registered', message: 'no account uses this e-mail address' },
      ]);
    }
    if (!passwordMatches) {
      throw new NotAuthenticated('The password is not correct. Check it and try again.', [
        { field: 'password', rule: 'matches', message: 'the password is not correct' },
      ]);
    }
    const { session, token } = this.newSession(user.id, now, userAgent);
    await this.auth.insertSession(session);
    return { user: toUserView(user), token, expiresAt: session.expiresAt.toISOString() };
  }

  /** The signed-in caller and their preferences. */
  async me(auth: AuthContext): Promise<MeDto> {
    const user = await this.auth.findUserById(auth.userId);
    if (!user) throw new NotAuthenticated('The account of this session no longer exists.');
    return toMeDto(auth, user);
  }

  /** A parent's own preferences; nothing about them reaches the other parent. */
  async setPreferences(auth: AuthContext, dto: PreferencesDto): Promise<PreferencesDto> {
    const user = await this.auth.setShield(auth.userId, dto.shield);
    if (!user) throw new NotAuthenticated('The account of this session no longer exists.');
    return toPreferencesDto(user);
  }

  async logout(auth: AuthContext): Promise<void> {
    await this.auth.revokeSession(auth.sessionId, this.clock.now());
  }

  /** Resolves a bearer token or cookie value to the caller, or null if the session is not live. */
  async authenticate(token: string): Promise<AuthContext | null> {
    return (await this.authenticateForCase(token, null))?.auth ?? null;
  }

  /** The caller and, in the same look-up, whether they belong to `caseId`. */
  async authenticateForCase(token: string, caseId: string | null): Promise<{ auth: AuthContext; member: boolean } | null> {
    const found = await this.auth.findLiveSession(hashToken(token), this.clock.now(), caseId);
    if (!found) return null;
    return {
      auth: { userId: found.user.id, sessionId: found.sessionId, email: found.user.email, displayName: found.user.displayName },
      member: found.member,
    };
  }

  private async refuseIfThrottled(email: string, address: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
    const checks = [
      { failures: await this.auth.recentFailures({ email }, since), limit: LOGIN_FAILURES_PER_ACCOUNT, what: 'for this account' },
      { failures: await this.auth.recentFailures({ address }, since), limit: LOGIN_FAILURES_PER_ADDRESS, what: 'from this network' },
    ];
    for (const { failures, limit, what } of checks) {
      if (failures.length >= limit) {
        // Allowed again when enough of the counted failures have left the window.
        const retryAt = new Date(failures[failures.length - limit]!.getTime() + LOGIN_WINDOW_MS);
        throw new TooManyAttempts(`Too many sign-in attempts ${what}. To keep the account safe, try again after ${retryAt.toISOString()}.`, retryAt);
      }
    }
  }

  private newSession(userId: string, now: Date, userAgent: string | null): { session: SessionEntity; token: string } {
    const token = randomBytes(32).toString('base64url');
    const session: SessionEntity = {
      id: randomUUID(),
      userId,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
      revokedAt: null,
      userAgent: userAgent?.slice(0, 300) ?? null,
    };
    return { session, token };
  }
}
