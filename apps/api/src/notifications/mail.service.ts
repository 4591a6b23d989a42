import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export interface OutgoingMail {
  /** A stable Message-ID (`<...@host>`), when sending the same mail again must be recognisable as the same mail. */
  messageId?: string;
  to: string;
  subject: string;
  text: string;
}

/** nodemailer's SMTP timeouts (its defaults are minutes). */
export const SMTP_TIMEOUTS_MS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000, dnsTimeout: 5_000 };

/**
 * Sends mail over SMTP (SMTP_URL), or, without it, writes each mail as an .eml file
 * under DATA_DIR/outbox so a local install needs no mail server. Notices never
 * carry message text: a lock screen must not show what the other parent wrote.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;
  private readonly outboxDir: string | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.smtpUrl) {
      // Pooled: a notice per released message must not cost a new SMTP connection each.
      const url = new URL(config.smtpUrl);
      if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
      // A relay that accepts connections and never answers must not hold anything for long:
      // no send waits more than a few seconds, and no caller holds a transaction while it waits.
      for (const [name, ms] of Object.entries(SMTP_TIMEOUTS_MS)) if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms));
      this.transport = createTransport(url.toString());
      this.outboxDir = null;
    } else {
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.outboxDir = join(config.dataDir, 'outbox');
    }
  }

  /** Resolves true when the mail was handed over; failures are logged, never thrown at the caller's user. */
  async send(mail: OutgoingMail): Promise<boolean> {
    try {
      const { messageId, ...rest } = mail;
      const info = await this.transport.sendMail({ from: this.config.mailFrom, ...rest, ...(messageId ? { messageId } : {}) });
      if (this.outboxDir) {
        await mkdir(this.outboxDir, { recursive: true });
        const file = join(this.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
        await writeFile(file, (info as unknown as { message: Buffer }).message);
        this.logger.log(`Mail to ${mail.to} written to ${file}`);
      }
      return true;
    } catch (error) {
      this.logger.error(`Mail to ${mail.to} could not be sent: ${(error as Error).message}`);
      return false;
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
