import { Injectable } from '@nestjs/common';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { Conflict, InvalidInput, NotAuthenticated } from '../common/errors';
import { AccountMail } from './account-mail';
import { AccountService } from './account.service';
import { AuthRepository } from './auth.repository';
import { RecoveryCodesDto, TotpConfirmDto, TotpDisableDto, TotpEnrolmentDto } from './dto/auth.dto';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUrl, totpStep } from './totp';

/** The optional second factor: a TOTP app, with ten one-use recovery codes (stored as hashes). */
@Injectable()
export class TotpService {
  constructor(
    private readonly auth: AuthRepository,
    private readonly clock: Clock,
    private readonly mail: AccountMail,
    private readonly account: AccountService,
  ) {}

  /** Starts enrolment: a new secret, pending until a code from it is confirmed. */
  async enrol(auth: AuthContext): Promise<TotpEnrolmentDto> {
    const user = await this.auth.findUserById(auth.userId);
    if (!user) throw new NotAuthenticated('The account of this session no longer exists.');
    if (user.totpSecret) throw new Conflict('Two-step sign-in is already on. Turn it off first to enrol another app.');
    const secret = newTotpSecret();
    await this.auth.setPendingTotp(user.id, secret);
    return { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  }

  /** Turns the second factor on with a code from the enrolled app; answers the recovery codes, once. */
  async confirm(auth: AuthContext, dto: TotpConfirmDto): Promise<RecoveryCodesDto> {
    const now = this.clock.now();
    const user = await this.auth.findUserById(auth.userId);
    if (!user) throw new NotAuthenticated('The account of this session no longer exists.');
    if (!user.totpPendingSecret) throw new Conflict('There is no enrolment to confirm. Start with POST /api/auth/totp.');
    const step = totpStep(user.totpPendingSecret, dto.code, now);
    if (step === null) throw new InvalidInput([{ field: 'code', rule: 'matches', message: 'code is not the current code of the app' }]);
    const recoveryCodes = newRecoveryCodes();
    await this.auth.enableTotp(user.id, user.totpPendingSecret, step, recoveryCodes.map(hashRecoveryCode));
    await this.mail.secondFactorChanged(user.email, true, now);
    return { recoveryCodes };
  }

  /** Turns the second factor off; needs the password. */
  async disable(auth: AuthContext, dto: TotpDisableDto, address: string): Promise<void> {
    const user = await this.account.checkPassword(auth, dto.password, address, 'password');
    await this.auth.disableTotp(user.id);
    if (user.totpSecret) await this.mail.secondFactorChanged(user.email, false, this.clock.now());
  }
}
