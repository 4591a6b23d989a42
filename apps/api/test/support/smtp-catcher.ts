import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a random local port that keeps every mail it receives. */
export class SmtpCatcher {
  readonly mails: ParsedMail[] = [];
  private readonly waiters: { predicate: (mail: ParsedMail) => boolean; resolve: (mail: ParsedMail) => void }[] = [];
  private server!: SMTPServer;
  port = 0;

  /** Listens on `port` (a new random one when 0), e.g. to come back on the same port after `stop()`. */
  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      // Stop at once: pooled client connections would otherwise hold a stop for 30 s.
      closeTimeout: 100,
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.mails.push(mail);
            for (const waiter of [...this.waiters]) {
              if (waiter.predicate(mail)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(mail);
              }
            }
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Resolves with the first mail (already received or still to come) addressed to `to`. */
  waitFor(to: string, subject: RegExp = /./, timeoutMs = 10_000): Promise<ParsedMail> {
    const predicate = (mail: ParsedMail) => recipients(mail).includes(to.toLowerCase()) && subject.test(mail.subject ?? '');
    const found = this.mails.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No mail to ${to} with subject ${subject} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ predicate, resolve: (mail) => (clearTimeout(timer), resolve(mail)) });
    });
  }

  mailsTo(to: string, subject: RegExp = /./): ParsedMail[] {
    return this.mails.filter((mail) => recipients(mail).includes(to.toLowerCase()) && subject.test(mail.subject ?? ''));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((address) => address.value.map((value) => (value.address ?? '').toLowerCase()));
}
