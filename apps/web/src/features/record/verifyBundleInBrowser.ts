// Loaded only when a bundle is checked: the zip reader, Ed25519 and the verifier stay out of
// the first load. Everything runs here, in the browser: the file is never uploaded.
import * as ed from '@noble/ed25519';
import { verifyBundle, type BundleVerification } from '@parallel/domain';
import { unzipSync } from 'fflate';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 bytes of the key follow it. */
const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

function rawEd25519Key(pem: string): Uint8Array {
  const der = Uint8Array.from(atob(pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '')), (char) => char.charCodeAt(0));
  if (der.length !== 44 || ED25519_SPKI_PREFIX.some((byte, index) => der[index] !== byte)) throw new Error('not an Ed25519 public key');
  return der.subarray(12);
}

/**
 * Checks an export bundle (bundle.zip) as `npm run -s verify` does, with the same
 * `@parallel/domain` code: signature, every file's SHA-256, the whole chain to the signed head.
 */
export async function verifyBundleFile(bytes: Uint8Array, expectedKeyFingerprint?: string): Promise<BundleVerification> {
  let files: Map<string, Uint8Array>;
  try {
    files = new Map(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith('/')));
  } catch {
    return { valid: false, problem: { kind: 'file' }, reason: 'the file is not a readable zip: choose the bundle.zip downloaded from the record page' };
  }
  return verifyBundle(
    files,
    { verifyEd25519: (message, signature, pem) => ed.verifyAsync(signature, message, rawEd25519Key(pem)) },
    expectedKeyFingerprint ? { expectedKeyFingerprint } : {},
  );
}
