import { isAbsolute, resolve } from 'node:path';

/** Typed configuration, read once from the environment at start. */
export interface AppConfig {
  port: number;
  dataDir: string;
  /** Unset: embedded PGlite under `dataDir`. */
  databaseUrl: string | null;
  redisUrl: string | null;
  /** Unset: mail is written as .eml files under `dataDir/outbox`. */
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  signingKeyFile: string;
  /** Where the built web client lives; served on the same port as the API. */
  webDir: string;
  /** How often held messages are checked for release; 0 turns the ticker off (tests tick by hand). */
  releaseTickMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Parallel cannot start because of its configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates every setting; all problems are reported at once, each naming its variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const value = text(name);
    if (value === null) return null;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL (got "${parsed.protocol}//...")`);
        return null;
      }
      return value;
    } catch {
      problems.push(`${name} is not a valid URL`);
      return null;
    }
  };

  let port = 3000;
  const rawPort = text('PORT');
  if (rawPort !== null) {
    port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || port > 65535) problems.push(`PORT must be a whole number from 0 to 65535 (got "${rawPort}")`);
  }
  const dataDir = resolve(cwd, text('DATA_DIR') ?? 'data');
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  const publicUrl = (url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const mailFrom = text('MAIL_FROM') ?? 'Parallel <no-reply@parallel.localhost>';
  if (!/<[^@\s]+@[^@\s]+>|^[^@\s]+@[^@\s]+$/.test(mailFrom)) problems.push(`MAIL_FROM must be an e-mail address, optionally "Name <address>"`);
  const signingKeyFile = text('SIGNING_KEY_FILE');
  if (signingKeyFile !== null && !isAbsolute(signingKeyFile) && signingKeyFile.includes('\0')) problems.push('SIGNING_KEY_FILE is not a valid path');

  let releaseTickMs = 1000;
  const rawTick = text('RELEASE_TICK_MS');
  if (rawTick !== null) {
    releaseTickMs = Number(rawTick);
    if (!/^\d+$/.test(rawTick) || releaseTickMs > 3_600_000) problems.push(`RELEASE_TICK_MS must be a whole number of milliseconds from 0 to 3600000 (got "${rawTick}")`);
  }

  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    dataDir,
    databaseUrl,
    redisUrl,
    smtpUrl,
    mailFrom,
    publicUrl,
    signingKeyFile: resolve(dataDir, signingKeyFile ?? 'signing-key.pem'),
    webDir: resolve(__dirname, '../../../web/dist'),
    releaseTickMs,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
