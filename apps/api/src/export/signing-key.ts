import { Inject, Injectable } from '@nestjs/common';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { publicKeyFingerprint } from '@parallel/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { KeyFileError, loadOrCreateKeyFile, type KeyFileKind } from '../common/key-file';

/** The signing key cannot be used: start-up stops with this message, which names the file and the setting. */
export class SigningKeyError extends KeyFileError {
  override name = 'SigningKeyError';
}

/**
 * The server's Ed25519 key that signs every export bundle's manifest. Read from
 * SIGNING_KEY_FILE when set (it must exist and hold an Ed25519 private key, PKCS #8 PEM);
 * otherwise `DATA_DIR/signing-key.pem`, made at first start (mode 0600) and read after.
 * Several API processes must share one key: give them the same SIGNING_KEY_FILE.
 */
@Injectable()
export class SigningKey {
  private readonly privateKey: KeyObject;
  /** SubjectPublicKeyInfo, PEM: what the manifest carries and `openssl pkeyutl -verify -pubin` reads. */
  readonly publicKeyPem: string;
  /** `SHA256:` + hex SHA-256 of the DER public key, printed on the PDF's cover. */
  readonly fingerprint: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.privateKey = loadOrCreateSigningKey(config.signingKeyFile, config.signingKeyFromSetting);
    this.publicKeyPem = createPublicKey(this.privateKey).export({ type: 'spki', format: 'pem' }).toString();
    this.fingerprint = publicKeyFingerprint(this.publicKeyPem);
  }

  /** Ed25519 signature (64 bytes) of exactly these bytes. */
  sign(bytes: Uint8Array): Buffer {
    return sign(null, bytes, this.privateKey);
  }
}

const SIGNING_KEY: KeyFileKind<KeyObject> = {
  setting: 'SIGNING_KEY_FILE',
  howToMake: 'give the path of an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519 -out key.pem)',
  parse(pem, file) {
    let key: KeyObject;
    try {
      key = createPrivateKey(pem);
    } catch {
      throw new SigningKeyError(
        `the signing key file ${file} (SIGNING_KEY_FILE) is not a private key in PEM: replace it with an Ed25519 key (openssl genpkey -algorithm ed25519), or remove it to have one made`,
      );
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new SigningKeyError(
        `the signing key file ${file} (SIGNING_KEY_FILE) holds a ${key.asymmetricKeyType ?? 'unknown'} key; exports are signed with Ed25519 (openssl genpkey -algorithm ed25519)`,
      );
    }
    return key;
  },
  make() {
    const { privateKey } = generateKeyPairSync('ed25519');
    return { key: privateKey, text: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  },
};

export function loadOrCreateSigningKey(file: string, fromSetting: boolean): KeyObject {
  return loadOrCreateKeyFile(file, fromSetting, SIGNING_KEY);
}
