import { isIP } from 'node:net';
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
  /** True when SIGNING_KEY_FILE names the key (it must exist); false: made in DATA_DIR at first start. */
  signingKeyFromSetting: boolean;
  /** The key that seals secrets kept for a user (the TOTP secret) in the database. */
  secretsKeyFile: string;
  /** True when SECRETS_KEY_FILE names the key (it must exist); false: made in DATA_DIR at first start. */
  secretsKeyFromSetting: boolean;
  /** Where the built web client lives; served on the same port as the API. */
  webDir: string;
  /** How often held messages are checked for release; 0 turns the ticker off (tests tick by hand). */
  releaseTickMs: number;
  /**
   * Which proxies in front of the API to believe about the client's address
   * (X-Forwarded-For): false (the default: the connection's own address), a hop count, or
   * addresses/CIDR ranges (and the names loopback, linklocal, uniquelocal).
   */
  trustProxy: false | number | string[];
  /** Prefix of every key the API writes in Redis, so that several installs can share one. */
  redisPrefix: string;
  /** How many MB of made PDFs `DATA_DIR/exports` keeps; the least recently used go first (any can be made again, the same bytes). */
  keptPdfsMb: number;
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
  const secretsKeyFile = text('SECRETS_KEY_FILE');
  if (secretsKeyFile !== null && secretsKeyFile.includes('\0')) problems.push('SECRETS_KEY_FILE is not a valid path');

  let releaseTickMs = 1000;
  const rawTick = text('RELEASE_TICK_MS');
  if (rawTick !== null) {
    releaseTickMs = Number(rawTick);
    if (!/^\d+$/.test(rawTick) || releaseTickMs > 3_600_000) problems.push(`RELEASE_TICK_MS must be a whole number of milliseconds from 0 to 3600000 (got "${rawTick}")`);
  }

  let keptPdfsMb = 2048;
  const rawKept = text('KEPT_PDFS_MB');
  if (rawKept !== null) {
    keptPdfsMb = Number(rawKept);
    if (!/^\d+$/.test(rawKept) || keptPdfsMb < 1 || keptPdfsMb > 1_048_576) problems.push(`KEPT_PDFS_MB must be a whole number of megabytes from 1 to 1048576 (got "${rawKept}")`);
  }

  const trustProxy = parseTrustProxy(text('TRUST_PROXY'), problems);
  const redisPrefix = text('REDIS_PREFIX') ?? 'parallel:';
  if (!/^[\w:.-]{1,64}$/.test(redisPrefix)) problems.push('REDIS_PREFIX must be 1 to 64 letters, digits or : . - _');

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
    signingKeyFromSetting: signingKeyFile !== null,
    secretsKeyFile: resolve(dataDir, secretsKeyFile ?? 'secrets-key'),
    secretsKeyFromSetting: secretsKeyFile !== null,
    webDir: resolve(__dirname, '../../../web/dist'),
    releaseTickMs,
    trustProxy,
    redisPrefix,
    keptPdfsMb,
  };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: unset or "false" (off), a hop count from 1 to 10, or a comma list of addresses, CIDR ranges and names. */
function parseTrustProxy(value: string | null, problems: string[]): AppConfig['trustProxy'] {
  if (value === null || /^(false|off|no|0)$/i.test(value)) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) problems.push(`TRUST_PROXY as a hop count must be from 1 to 10 (got "${value}")`);
    return hops;
  }
  if (/^(true|on|yes|\*)$/i.test(value)) {
    problems.push('TRUST_PROXY must name the proxies (a hop count, addresses or CIDR ranges), not trust every sender: anyone could then choose the address the throttles see');
    return false;
  }
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    if (PROXY_NAMES.has(entry)) continue;
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || rest.length) {
      problems.push(`TRUST_PROXY has "${entry}", which is not an address, a CIDR range or one of loopback, linklocal, uniquelocal`);
    }
  }
  return entries;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
