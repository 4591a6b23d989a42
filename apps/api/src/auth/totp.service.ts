import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { Conflict, InvalidInput, NotAuthenticated } from '../common/errors';
import { AccountMail } from './account-mail';
import { AccountService } from './account.service';
import { AuthRepository } from './auth.repository';
import { KeyFileError } from '../common/key-file';
import { isSealed, SecretBox, totpSecretContext } from './secret-box';
import { RecoveryCodesDto, TotpConfirmDto, TotpDisableDto, TotpEnrolmentDto } from './dto/auth.dto';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUrl, totpStep } from './totp';

/**
 * The optional second factor: a TOTP app, with ten one-use recovery codes (stored as hashes).
 * The app's secret is kept sealed (SecretBox): the database alone cannot make codes.
 */
@Injectable()
export class TotpService implements OnApplicationBootstrap {
  private readonly logger = new Logger('SecondFactor');

  constructor(
    private readonly auth: AuthRepository,
    private readonly clock: Clock,
    private readonly mail: AccountMail,
    private readonly account: AccountService,
    private readonly box: SecretBox,
  ) {}

  /**
   * At start: a secrets key that cannot open the secrets already sealed stops start-up (a new
   * key would lock every enrolled parent out of their app); then secrets stored before sealing
   * existed are sealed. Several processes may do this at once: each write is conditional on the
   * value it read.
   */
  async onApplicationBootstrap(): Promise<void> {
    const sample = await this.auth.anySealedTotpSecret();
    if (sample && this.box.open(sample.secret, totpSecretContext(sample.userId)) === null) {
      throw new KeyFileError(
        `SECRETS_KEY_FILE ${this.box.keyFile} is not the key the second-factor secrets in the database were sealed with: put that key file back (a new key cannot open them)`,
      );
    }
    let sealed = 0;
    for (const row of await this.auth.unsealedTotpSecrets()) {
      const context = totpSecretContext(row.userId);
      for (const column of ['totpSecret', 'totpPendingSecret'] as const) {
        const value = row[column];
        if (value !== null && !isSealed(value) && (await this.auth.replaceTotpSecret(row.userId, column, value, this.box.seal(value, context)))) sealed++;
      }
    }
    if (sealed > 0) this.logger.log(`Sealed ${sealed} second-factor secret(s) stored before sealing existed`);
  }

  /** Starts enrolment: a new secret, pending until a code from it is confirmed. */
  async enrol(auth: AuthContext): Promise<TotpEnrolmentDto> {
    const user = await this.auth.findUserById(auth.userId);
    if (!user) throw new NotAuthenticated('The account of this session no longer exists.');
    if (user.totpSecret) throw new Conflict('Two-step sign-in is already on. Turn it off first to enrol another app.');
    const secret = newTotpSecret();
    await this.auth.setPendingTotp(user.id, this.box.seal(secret, totpSecretContext(user.id)));
    return { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  }

  /** Turns the second factor on with a code from the enrolled app; answers the recovery codes, once. */
  async confirm(auth: AuthContext, dto: TotpConfirmDto): Promise<RecoveryCodesDto> {
    const now = this.clock.now();
    const user = await this.auth.findUserById(auth.userId);
    if (!user) throw new NotAuthenticated('The account of this session no longer exists.');
    if (!user.totpPendingSecret) throw new Conflict('There is no enrolment to confirm. Start with POST /api/auth/totp.');
    const pending = this.box.open(user.totpPendingSecret, totpSecretContext(user.id));
    if (pending === null) throw new Conflict('This enrolment can no longer be confirmed. Start again with POST /api/auth/totp.');
    const step = totpStep(pending, dto.code, now);
    if (step === null) throw new InvalidInput([{ field: 'code', rule: 'matches', message: 'code is not the current code of the app' }]);
    const recoveryCodes = newRecoveryCodes();
    await this.auth.enableTotp(user.id, this.box.seal(pending, totpSecretContext(user.id)), step, recoveryCodes.map(hashRecoveryCode));
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
