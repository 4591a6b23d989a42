import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { Conflict, InvalidInput, NotAuthenticated } from '../common/errors';
import { LIMITS } from '../throttle/limits';
import { ThrottleService } from '../throttle/throttle.service';
import { AccountMail } from './account-mail';
import { AuthRepository } from './auth.repository';
import { describeDevice } from './device';
import { LoginDto, MeDto, PreferencesDto, RegisterDto, SecondFactorDto, SecondFactorRequiredDto, UserView, toMeDto, toPreferencesDto } from './dto/auth.dto';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { LoginThrottle, wrongCredentials } from './login-throttle';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { passwordProblems } from './password-policy';
import { SecretBox, totpSecretContext } from './secret-box';
import { hashRecoveryCode, totpStep } from './totp';

const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** A session's last use is written at most this often, so that requests rarely write. */
const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;
/** A device (browser and system family) not used by the account this long is new again. */
export const NEW_DEVICE_AFTER_MS = 90 * 24 * 60 * 60 * 1000;
/** How long the second step of a sign-in may take. */
const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

export interface SignedIn {
  user: UserView;
  token: string;
  expiresAt: string;
}

export type SignInResult = SignedIn | SecondFactorRequiredDto;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function toUserView(user: Pick<UserEntity, 'id' | 'email' | 'displayName'>): UserView {
  return { id: user.id, email: user.email, displayName: user.displayName };
}

/** Registration, sign-in (with the optional second step), and sessions as the guard sees them. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly auth: AuthRepository,
    private readonly clock: Clock,
    private readonly throttle: ThrottleService,
    private readonly loginThrottle: LoginThrottle,
    private readonly mail: AccountMail,
    private readonly box: SecretBox,
  ) {}

  /**
   * Creates an account and signs it in. A taken address is refused (409): an account that
   * signs in at once cannot hide that; instead registration is throttled per network address
   * and per e-mail address, and the address's owner is told by mail that someone tried.
   */
  async register(dto: RegisterDto, userAgent: string | null, address: string | null = null): Promise<SignedIn> {
    const now = this.clock.now();
    if (address !== null) {
      await this.throttle.consume([[LIMITS.registrationPerAddress, address]], now, 'new accounts from this network');
    }
    const problems = passwordProblems(dto.password, dto.email);
    if (problems.length) throw new InvalidInput(problems);
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
      // The owner hears of it, a few times a day at most, so that this cannot flood their inbox.
      if ((await this.throttle.check([[LIMITS.registrationPerEmail, dto.email]], now)).allowed) this.sendLater(this.mail.registrationAttempt(dto.email));
      throw new Conflict('An account with this e-mail address already exists. Sign in instead, or use another address.', [
        { field: 'email', rule: 'unique', message: 'email is already registered' },
      ]);
    }
    return { user: toUserView(user), token, expiresAt: session.expiresAt.toISOString() };
  }

  /**
   * Signs in with a password. The same answer, in comparable time, for an unknown address
   * and a wrong password; with a second factor on, a challenge instead of a session.
   */
  async signIn(dto: LoginDto, address: string, userAgent: string | null): Promise<SignInResult> {
    const now = this.clock.now();
    await this.loginThrottle.refuseIfThrottled(dto.email, address, now);
    const user = await this.auth.findUserByEmail(dto.email);
    // Without an account, a dummy hash is verified, so the time taken does not tell.
    const passwordMatches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), dto.password);
    if (!user || !passwordMatches) {
      await this.loginThrottle.record(dto.email, address, false, now);
      throw wrongCredentials();
    }
    if (user.totpSecret) {
      const challenge = newToken();
      await this.auth.replaceToken({ tokenHash: hashToken(challenge), userId: user.id, purpose: 'second_factor', newEmail: null, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS) });
      return { secondFactorRequired: true, challenge };
    }
    await this.loginThrottle.record(dto.email, address, true, now);
    return this.startSession(user, now, userAgent);
  }

  /** Signs in with a password only (the demo): refuses accounts with a second factor. */
  async login(dto: LoginDto, address: string, userAgent: string | null): Promise<SignedIn> {
    const result = await this.signIn(dto, address, userAgent);
    if ('secondFactorRequired' in result) throw new NotAuthenticated('This account signs in with a second factor.');
    return result;
  }

  /** The second step: a code from the authenticator app, or a recovery code (once). Wrong codes are throttled like passwords. */
  async completeSecondFactor(dto: SecondFactorDto, address: string, userAgent: string | null): Promise<SignedIn> {
    if ((dto.code === undefined) === (dto.recoveryCode === undefined)) {
      throw new InvalidInput([{ field: 'code', rule: 'oneOf', message: 'give either code or recoveryCode' }]);
    }
    const now = this.clock.now();
    const challenge = await this.auth.findToken(hashToken(dto.challenge), 'second_factor', now);
    const user = challenge ? await this.auth.findUserById(challenge.userId) : null;
    if (!challenge || !user?.totpSecret) {
      throw new NotAuthenticated('This sign-in has expired. Please sign in again with your password.', [
        { field: 'challenge', rule: 'live', message: 'the challenge has expired or was used' },
      ]);
    }
    await this.loginThrottle.refuseIfThrottled(user.email, address, now);
    let accepted = false;
    if (dto.code !== undefined) {
      // Sealed (SecretBox); start-up has checked that the key opens the sealed secrets.
      const secret = this.box.open(user.totpSecret, totpSecretContext(user.id));
      if (secret === null) this.logger.error(`The second-factor secret of user ${user.id} cannot be opened with SECRETS_KEY_FILE: only a recovery code can sign them in`);
      const step = secret === null ? null : totpStep(secret, dto.code, now);
      accepted = step !== null && (await this.auth.useTotpStep(user.id, step));
    } else if (dto.recoveryCode !== undefined) {
      accepted = await this.auth.useRecoveryCode(user.id, hashRecoveryCode(dto.recoveryCode), now);
    }
    if (!accepted) {
      await this.loginThrottle.record(user.email, address, false, now);
      throw new NotAuthenticated('The code is not correct. Check it and try again.', [
        { field: dto.code !== undefined ? 'code' : 'recoveryCode', rule: 'matches', message: 'the code is not correct' },
      ]);
    }
    if (!(await this.auth.takeToken(hashToken(dto.challenge), 'second_factor', now))) {
      throw new NotAuthenticated('This sign-in has expired. Please sign in again with your password.');
    }
    await this.loginThrottle.record(user.email, address, true, now);
    return this.startSession(user, now, userAgent);
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

  /** Resolves a bearer token or cookie value to the caller, or null if the session is not live. */
  async authenticate(token: string): Promise<AuthContext | null> {
    return (await this.authenticateForCase(token, null))?.auth ?? null;
  }

  /** The caller and, in the same look-up, whether they belong to `caseId`. */
  async authenticateForCase(token: string, caseId: string | null): Promise<{ auth: AuthContext; member: boolean } | null> {
    const now = this.clock.now();
    const found = await this.auth.findLiveSession(hashToken(token), now, caseId);
    if (!found) return null;
    if (now.getTime() - found.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) await this.auth.touchSession(found.sessionId, now, LAST_SEEN_EVERY_MS);
    return {
      auth: { userId: found.user.id, sessionId: found.sessionId, email: found.user.email, displayName: found.user.displayName },
      member: found.member,
    };
  }

  /** A new session; the owner is mailed when it comes from a device the account has not used in 90 days. */
  private async startSession(user: UserEntity, now: Date, userAgent: string | null): Promise<SignedIn> {
    const { session, token } = this.newSession(user.id, now, userAgent);
    const known = await this.auth.hasDeviceSince(user.id, session.device!, new Date(now.getTime() - NEW_DEVICE_AFTER_MS));
    await this.auth.insertSession(session);
    if (!known) this.sendLater(this.mail.newDevice(user.email, session.device!, now));
    return { user: toUserView(user), token, expiresAt: session.expiresAt.toISOString() };
  }

  /** Mail that must not slow the answer (its timing would tell whether an account exists). */
  private sendLater(sending: Promise<boolean>): void {
    sending.catch((error: Error) => this.logger.error(`Account mail failed: ${error.message}`));
  }

  newSession(userId: string, now: Date, userAgent: string | null): { session: SessionEntity; token: string } {
    const token = newToken();
    const session: SessionEntity = {
      id: randomUUID(),
      userId,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
      revokedAt: null,
      userAgent: userAgent?.slice(0, 300) ?? null,
      lastSeenAt: now,
      device: describeDevice(userAgent),
    };
    return { session, token };
  }
}
