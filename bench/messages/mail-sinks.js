'use strict';

const { readdir, readFile } = require('node:fs/promises');
const { join } = require('node:path');
const { SMTPServer } = require('smtp-server');
const { SMTPConnection } = require('smtp-server/lib/smtp-connection');

/**
 * smtp-server holds its greeting for 100 ms to catch clients that talk too early, a
 * spam defence for a public MX. A relay that the API hands its notices to greets at
 * once, and the delivery ticker waits for each notice, so that 100 ms per connection
 * would slow the outbox. So the listener greets at once, unless `--smtp-greeting
 * stock` asks for smtp-server's behaviour.
 */
function greetImmediately() {
  const proto = SMTPConnection.prototype;
  if (proto.greetsImmediately) return true;
  if (typeof proto._setListeners !== 'function' || typeof proto.connectionReady !== 'function') return false;
  proto.init = function init() {
    this._setListeners(() => {
      if (this._server.options.maxClients && this._server.connections.size > this._server.options.maxClients) {
        return this.send(421, `${this.name} Too many connected clients, try again in a moment`, false);
      }
      this.connectionReady();
    });
  };
  proto.greetsImmediately = true;
  return true;
}

/**
 * The mail server the API sends to (SMTP_URL). It must accept quickly, because the
 * API's delivery ticker waits for each notice: it only counts the messages notices
 * cover, and keeps invitation links, which the set-up needs to join the second
 * parent of each case.
 */
class SmtpListener {
  constructor({ stockGreeting = false } = {}) {
    this.stockGreeting = stockGreeting;
    this.greeting = 'stock smtp-server (100 ms greeting delay)';
    this.received = 0;
    this.invitationLinks = new Map();
    this.waiters = new Map();
    this.server = null;
    this.port = 0;
  }

  async start() {
    if (!this.stockGreeting) {
      if (!greetImmediately()) throw new Error('this smtp-server version has no SMTPConnection._setListeners/connectionReady; use --smtp-greeting stock');
      this.greeting = 'immediate (smtp-server with its 100 ms early-talker delay removed)';
    }
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      // A reverse DNS lookup per connection would put resolver time into every send.
      disableReverseLookup: true,
      logger: false,
      onData: (stream, session, callback) => {
        const chunks = [];
        stream.on('data', (chunk) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received += messagesNoticed(raw);
          if (raw.includes('invited you')) {
            const token = invitationToken(raw);
            for (const rcpt of session.envelope.rcptTo) this.deliverInvitation(rcpt.address.toLowerCase(), token);
          }
          callback();
        });
      },
    });
    this.server.on('error', (error) => process.stderr.write(`SMTP listener: ${error.message}\n`));
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = this.server.server.address().port;
    return this;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** How many messages the notices received so far cover (a notice may cover several). */
  async count() {
    return this.received;
  }

  deliverInvitation(email, token) {
    this.invitationLinks.set(email, token);
    const waiter = this.waiters.get(email);
    if (waiter) {
      this.waiters.delete(email);
      waiter(token);
    }
  }

  /** The invitation token mailed to `email` (already received or still to come). */
  invitationTokenFor(email, timeoutMs = 20_000) {
    const known = this.invitationLinks.get(email);
    if (known) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(email);
        reject(new Error(`no invitation mail to ${email} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(email, (token) => {
        clearTimeout(timer);
        resolve(token);
      });
    });
  }

  stop() {
    if (!this.server) return Promise.resolve();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * The number of messages a notice covers, from its subject ("Parallel: 3 new messages
 * are waiting"); 0 for any other mail. The API sends one notice per recipient and
 * case per delivery tick, covering every message released since the last one.
 */
function messagesNoticed(raw) {
  const subject = /^Subject: Parallel: (\d+) new messages? (?:is|are) waiting/m.exec(raw);
  return subject ? Number(subject[1]) : 0;
}

/** The token of the `/invite/<token>` link; undoes quoted-printable soft line breaks first. */
function invitationToken(raw) {
  const body = raw.replace(/=\r?\n/g, '');
  // The token must be followed by whitespace: a link cut short is not a token.
  const match = /\/invite\/([A-Za-z0-9_-]{20,})(?=\s)/.exec(body);
  if (!match) throw new Error(`invitation mail without a link: ${raw.slice(0, 400)}`);
  return match[1];
}

/**
 * Without SMTP_URL the API writes every mail as an .eml file under DATA_DIR/outbox;
 * the same interface as SmtpListener, reading those files.
 */
class OutboxReader {
  constructor(dataDir) {
    this.dir = join(dataDir, 'outbox');
    this.seen = new Set();
    this.invitationLinks = new Map();
  }

  async start() {
    return this;
  }

  get url() {
    return null;
  }

  /** How many messages the notices written so far cover (a notice may cover several). */
  async count() {
    let names = [];
    try {
      names = (await readdir(this.dir)).filter((name) => name.endsWith('.eml'));
    } catch {
      return 0;
    }
    let covered = 0;
    for (const name of names) covered += messagesNoticed(await readFile(join(this.dir, name), 'utf8'));
    return covered;
  }

  async scan() {
    let names = [];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.endsWith('.eml') || this.seen.has(name)) continue;
      // The API writes each file in one writeFile, which is not atomic: a file read
      // too early is left unseen and read again on the next scan.
      const raw = await readFile(join(this.dir, name), 'utf8');
      const headerEnd = raw.indexOf('\n\n');
      if (headerEnd < 0) continue;
      const headers = raw.slice(0, headerEnd);
      if (!/^Subject: .*invited you/m.test(headers)) {
        this.seen.add(name);
        continue;
      }
      const to = /^To: (?:.*<)?([^\s<>]+@[^\s<>]+?)>?\s*$/m.exec(headers);
      let token;
      try {
        token = invitationToken(raw);
      } catch {
        continue;
      }
      if (!to) continue;
      this.seen.add(name);
      this.invitationLinks.set(to[1].toLowerCase(), token);
    }
  }

  async invitationTokenFor(email, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const known = this.invitationLinks.get(email);
      if (known) return known;
      if (Date.now() > deadline) throw new Error(`no invitation .eml to ${email} in ${this.dir} within ${timeoutMs} ms`);
      await this.scan();
      if (!this.invitationLinks.has(email)) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop() {}
}

module.exports = { SmtpListener, OutboxReader, invitationToken };
