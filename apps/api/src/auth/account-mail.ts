import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MailService } from '../notifications/mail.service';

const SIGNATURE = '\n\n-- \nParallel. We never ask for your password by e-mail.';
const IF_NOT_YOU = 'If this was not you, choose a new password (Sign in, then "Forgot your password?") and end your other sessions in your account settings.';

/**
 * The mails about one's own account. They carry no message text, nothing about the other
 * parent and no network address; links only where the mail's reader must act, and those
 * links work once.
 */
@Injectable()
export class AccountMail {
  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  passwordResetLink(to: string, token: string): Promise<boolean> {
    return this.mail.send({
      to,
      subject: 'Choose a new password for Parallel',
      text: `Someone, hopefully you, asked to choose a new password for the Parallel account of this address.\n\nTo choose one, open this link within an hour:\n${this.config.publicUrl}/reset/${token}\n\nThe link works once. If you did not ask for it, ignore this mail: your password stays as it is.${SIGNATURE}`,
    });
  }

  passwordChanged(to: string, at: Date, how: 'reset' | 'change'): Promise<boolean> {
    return this.mail.send({
      to,
      subject: 'Your Parallel password was changed',
      text: `The password of your Parallel account was ${how === 'reset' ? 'reset with a link sent to this address' : 'changed'} at ${at.toISOString()} (UTC). ${how === 'reset' ? 'Every session was signed out.' : 'Your other sessions were signed out.'}\n\n${IF_NOT_YOU}${SIGNATURE}`,
    });
  }

  registrationAttempt(to: string): Promise<boolean> {
    return this.mail.send({
      to,
      subject: 'Someone tried to create a Parallel account with your address',
      text: `Someone tried to create a new Parallel account with this e-mail address, which already has one. Nothing was changed.\n\nIf it was you, sign in instead; if you forgot your password, use "Forgot your password?" on the sign-in page. If it was not you, there is nothing to do.${SIGNATURE}`,
    });
  }

  confirmNewEmail(to: string, token: string): Promise<boolean> {
    return this.mail.send({
      to,
      subject: 'Confirm your new address for Parallel',
      text: `Someone, hopefully you, asked to use this address for their Parallel account.\n\nTo confirm, open this link within 24 hours:\n${this.config.publicUrl}/confirm-email/${token}\n\nUntil then, the account keeps its current address. If you did not ask for this, ignore this mail.${SIGNATURE}`,
    });
  }

  emailChangeRequested(to: string, at: Date): Promise<boolean> {
    return this.mail.send({
      to,
      subject: 'A change of your Parallel address was requested',
      text: `At ${at.toISOString()} (UTC), a change of the e-mail address of your Parallel account was requested, with your password. It takes effect only when the link sent to the new address is opened.\n\n${IF_NOT_YOU}${SIGNATURE}`,
    });
  }

  emailChanged(to: string, at: Date): Promise<boolean> {
    return this.mail.send({
      to,
      subject: 'Your Parallel address was changed',
      text: `At ${at.toISOString()} (UTC), your Parallel account moved to another e-mail address; mail about it no longer comes here.\n\nIf this was not you, contact the people who run this Parallel service at once.${SIGNATURE}`,
    });
  }

  newDevice(to: string, device: string, at: Date): Promise<boolean> {
    return this.mail.send({
      to,
      subject: 'New sign-in to your Parallel account',
      text: `Your Parallel account was signed in at ${at.toISOString()} (UTC) from a device it has not used in the last 90 days: ${device}.\n\nIf this was you, there is nothing to do. ${IF_NOT_YOU}${SIGNATURE}`,
    });
  }

  secondFactorChanged(to: string, on: boolean, at: Date): Promise<boolean> {
    return this.mail.send({
      to,
      subject: on ? 'Two-step sign-in is on for your Parallel account' : 'Two-step sign-in was turned off for your Parallel account',
      text: `At ${at.toISOString()} (UTC), two-step sign-in (a code from an authenticator app) was turned ${on ? 'on' : 'off'} for your Parallel account.\n\n${IF_NOT_YOU}${SIGNATURE}`,
    });
  }
}
