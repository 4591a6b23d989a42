import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KeyFileError, loadOrCreateKeyFile, type KeyFileKind } from '../common/key-file';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** How a sealed value begins; also how the database finds values stored before sealing existed. */
export const SEALED_PREFIX = 'sealed:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A value stored before sealing existed reads as it is, until start-up seals it. */
export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/**
 * Seals a secret the server must read back (a second factor's TOTP secret) before it goes
 * into the database: AES-256-GCM (node:crypto) under a key kept outside the database, so a
 * copy of the database alone (a backup, a dump) holds no secret that makes codes. Each value
 * is sealed for a context (what it is and whose), checked when it is opened, so a value copied
 * to another account's row does not open there.
 *
 * The key: SECRETS_KEY_FILE when set (it must exist and hold 32 random bytes in base64, one
 * line: `openssl rand -base64 32`), otherwise `DATA_DIR/secrets-key`, made at first start
 * (mode 0600). Several API processes must share one key: give them the same file.
 */
@Injectable()
export class SecretBox {
  private readonly key: Buffer;
  /** Where the key was read from, for messages to the operator. */
  readonly keyFile: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.keyFile = config.secretsKeyFile;
    this.key = loadOrCreateSecretsKey(config.secretsKeyFile, config.secretsKeyFromSetting);
  }

  seal(secret: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The secret; null when the value was sealed under another key or for another context (or altered). */
  open(stored: string, context: string): string | null {
    if (!isSealed(stored)) return stored;
    const bytes = Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

/** What a user's TOTP secret is sealed for: the pending one and the confirmed one alike. */
export function totpSecretContext(userId: string): string {
  return `totp-secret:${userId}`;
}

const SECRETS_KEY: KeyFileKind<Buffer> = {
  setting: 'SECRETS_KEY_FILE',
  howToMake: 'give the path of a file holding 32 random bytes in base64 (openssl rand -base64 32 > file)',
  parse(text, file) {
    const key = Buffer.from(text.trim(), 'base64');
    if (key.length !== KEY_BYTES || key.toString('base64') !== text.trim()) {
      throw new KeyFileError(`the secrets key file ${file} (SECRETS_KEY_FILE) must hold exactly 32 bytes in base64 on one line (openssl rand -base64 32)`);
    }
    return key;
  },
  make() {
    const key = randomBytes(KEY_BYTES);
    return { key, text: `${key.toString('base64')}\n` };
  },
};

export function loadOrCreateSecretsKey(file: string, fromSetting: boolean): Buffer {
  return loadOrCreateKeyFile(file, fromSetting, SECRETS_KEY);
}
