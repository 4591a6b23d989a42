import { Injectable, Logger } from '@nestjs/common';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { Conflict, Gone, InvalidInput, NotAuthenticated } from '../common/errors';
import { LIMITS } from '../throttle/limits';
import { ThrottleService } from '../throttle/throttle.service';
import { AccountMail } from './account-mail';
import { AuthRepository } from './auth.repository';
import { hashToken, newToken, toUserView } from './auth.service';
import { ChangeEmailDto, ChangePasswordDto, EmailChangedDto, AuthMessageDto, PasswordResetDto, PasswordResetRequestDto } from './dto/auth.dto';
import { UserEntity } from './entities/user.entity';
import { LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './password-hasher';
import { passwordProblems } from './password-policy';
import { SessionsService } from './sessions.service';

const HOUR_MS = 60 * 60 * 1000;
export const RESET_LINK_LIFETIME_MS = HOUR_MS;
export const EMAIL_LINK_LIFETIME_MS = 24 * HOUR_MS;

/** Password reset by mail, change of password and of e-mail address: each tells the owner by mail. */
@Injectable()
export class AccountService {
  private readonly logger = new Logger('Account');

  constructor(
    private readonly auth: AuthRepository,
    private readonly clock: Clock,
    private readonly throttle: ThrottleService,
    private readonly loginThrottle: LoginThrottle,
    private readonly mail: AccountMail,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * Mails a reset link if the address has an account. The answer is the same either way,
   * and comes before the mail is sent, so neither its words nor its timing tell.
   */
  async requestPasswordReset(dto: PasswordResetRequestDto, address: string): Promise<AuthMessageDto> {
    const now = this.clock.now();
    await this.throttle.consume([[LIMITS.passwordResetPerAddress, address]], now, 'password reset requests from this network');
    const answer = { message: 'If an account uses this address, a link to choose a new password is on its way to it. The link works once, within an hour.' };
    // Over the per-account limit, nothing is sent, and the answer is still the same.
    const perAccount = await this.throttle.check([[LIMITS.passwordResetPerAccount, dto.email]], now);
    const user = await this.auth.findUserByEmail(dto.email);
    if (!user || !perAccount.allowed) return answer;
    const token = newToken();
    await this.auth.replaceToken({ tokenHash: hashToken(token), userId: user.id, purpose: 'password_reset', newEmail: null, createdAt: now, expiresAt: new Date(now.getTime() + RESET_LINK_LIFETIME_MS) });
    this.sendLater(this.mail.passwordResetLink(user.email, token));
    return answer;
  }

  /** Sets a new password with a mailed link (once), ends every session of the account, and tells the owner. */
  async resetPassword(token: string, dto: PasswordResetDto): Promise<AuthMessageDto> {
    const now = this.clock.now();
    const pending = await this.auth.findToken(hashToken(token), 'password_reset', now);
    const user = pending ? await this.auth.findUserById(pending.userId) : null;
    if (!pending || !user) throw usedOrExpired();
    const problems = passwordProblems(dto.password, user.email);
    if (problems.length) throw new InvalidInput(problems);
    const passwordHash = await hashPassword(dto.password);
    // Taken only now, so a refused password leaves the link usable; of two uses, one wins.
    if (!(await this.auth.takeToken(hashToken(token), 'password_reset', now))) throw usedOrExpired();
    await this.auth.setPassword(user.id, passwordHash);
    await this.sessions.endSessions(user.id);
    await this.mail.passwordChanged(user.email, now, 'reset');
    return { message: 'Your new password is set, and every session was signed out. Sign in with the new password.' };
  }

  /** Changes the password with the current one; the other sessions end, this one stays. */
  async changePassword(auth: AuthContext, dto: ChangePasswordDto, address: string): Promise<AuthMessageDto> {
    const user = await this.checkPassword(auth, dto.currentPassword, address, 'currentPassword');
    const problems = passwordProblems(dto.newPassword, user.email).map((problem) => ({ ...problem, field: 'newPassword' }));
    if (problems.length) throw new InvalidInput(problems);
    await this.auth.setPassword(user.id, await hashPassword(dto.newPassword));
    await this.sessions.endSessions(user.id, { except: auth.sessionId });
    await this.mail.passwordChanged(user.email, this.clock.now(), 'change');
    return { message: 'Your password is changed, and your other sessions were signed out.' };
  }

  /**
   * Mails a confirmation link to the new address and a notice to the current one. The
   * address changes only when the link is opened. A taken address gets the same answer and
   * no link (the link could not work), so this does not tell whether it has an account.
   */
  async requestEmailChange(auth: AuthContext, dto: ChangeEmailDto, address: string): Promise<AuthMessageDto> {
    const user = await this.checkPassword(auth, dto.password, address, 'password');
    if (dto.newEmail === user.email) throw new InvalidInput([{ field: 'newEmail', rule: 'different', message: 'newEmail is already the address of this account' }]);
    const now = this.clock.now();
    await this.throttle.consume([[LIMITS.emailChangePerAccount, user.id]], now, 'address changes for this account');
    const answer = { message: `A link to confirm the new address is on its way to ${dto.newEmail}. The address changes when it is opened, within 24 hours.` };
    await this.mail.emailChangeRequested(user.email, now);
    if (await this.auth.findUserByEmail(dto.newEmail)) return answer;
    const token = newToken();
    await this.auth.replaceToken({ tokenHash: hashToken(token), userId: user.id, purpose: 'email_change', newEmail: dto.newEmail, createdAt: now, expiresAt: new Date(now.getTime() + EMAIL_LINK_LIFETIME_MS) });
    await this.mail.confirmNewEmail(dto.newEmail, token);
    return answer;
  }

  /** Opens the link mailed to the new address: the account moves to it now. */
  async confirmEmailChange(token: string): Promise<EmailChangedDto> {
    const now = this.clock.now();
    const pending = await this.auth.takeToken(hashToken(token), 'email_change', now);
    const user = pending ? await this.auth.findUserById(pending.userId) : null;
    if (!pending?.newEmail || !user) throw usedOrExpired();
    if (!(await this.auth.setEmail(user.id, pending.newEmail))) {
      throw new Conflict('Another account uses this address now, so this account keeps its address.', [{ field: 'email', rule: 'unique', message: 'email is already registered' }]);
    }
    await this.mail.emailChanged(user.email, now);
    return { user: toUserView({ ...user, email: pending.newEmail }) };
  }

  /** The account, if `password` is its password; wrong guesses are throttled like sign-ins. */
  async checkPassword(auth: AuthContext, password: string, address: string, field: string): Promise<UserEntity> {
    const now = this.clock.now();
    const user = await this.auth.findUserById(auth.userId);
    if (!user) throw new NotAuthenticated('The account of this session no longer exists.');
    await this.loginThrottle.refuseIfThrottled(user.email, address, now);
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.loginThrottle.record(user.email, address, false, now);
      // 400, not 401: the session is fine, only the password given is wrong.
      throw new InvalidInput([{ field, rule: 'matches', message: `${field} is not the password of this account` }], 'The password is not correct. Check it and try again.');
    }
    return user;
  }

  private sendLater(sending: Promise<boolean>): void {
    sending.catch((error: Error) => this.logger.error(`Account mail failed: ${error.message}`));
  }
}

function usedOrExpired(): Gone {
  return new Gone('This link has been used, has expired, or was replaced by a newer one. Ask for a new link.', [{ field: 'token', rule: 'live', message: 'the link is no longer valid' }]);
}
