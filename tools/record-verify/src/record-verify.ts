/**
 * `npm run -s verify -- bundle.zip [--key SHA256:…]`: checks an export bundle for court the
 * way an outside expert would, with @parallel/domain's verifier and node:crypto: the
 * manifest's Ed25519 signature, the whole chain in ledger.jsonl up to the signed head, and the
 * SHA-256 of every file. Prints one line (VALID: … or NOT VALID (first problem: …): …) and
 * exits 0 when valid, 1 when not, 2 when it cannot run (no file, not a zip).
 *
 * A tool beside the product, not part of it: it uses `@parallel/domain` as any client does.
 * The zip is read with fflate (small, no dependencies; the browser's /verify page uses it too).
 */
import { bundleVerdict, verifyBundle, type BundleCrypto, type BundleVerification } from '@parallel/domain';
import { unzipSync } from 'fflate';
import { createHash, createPublicKey, hash, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const nodeBundleCrypto: BundleCrypto = {
  verifyEd25519: (message, signature, pem) => verify(null, message, createPublicKey(pem), signature),
  sha256Bytes: typeof hash === 'function' ? (bytes) => hash('sha256', bytes, 'hex') : (bytes) => createHash('sha256').update(bytes).digest('hex'),
  sha256Hex: typeof hash === 'function' ? (text) => hash('sha256', text, 'hex') : (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
};

/** The files of a zip by name (folders left out). Throws when the bytes are not a zip. */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
}

export async function verifyZip(bytes: Uint8Array, expectedKeyFingerprint?: string): Promise<BundleVerification> {
  return verifyBundle(readZip(bytes), nodeBundleCrypto, expectedKeyFingerprint ? { expectedKeyFingerprint } : {});
}

const USAGE = 'usage: npm run -s verify -- bundle.zip [--key SHA256:<fingerprint>]';

/** Runs the command; answers its exit code and the line it printed. */
export async function runVerify(args: readonly string[], out: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  let file: string | undefined;
  let key: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--key') key = args[++index];
    else if (arg.startsWith('--key=')) key = arg.slice('--key='.length);
    else if (file === undefined) file = arg;
    else {
      out(USAGE);
      return 2;
    }
  }
  if (file === undefined || (args.includes('--key') && !key)) {
    out(USAGE);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    out(`CANNOT CHECK: ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return 2;
  }
  let result: BundleVerification;
  try {
    result = await verifyZip(bytes, key);
  } catch (error) {
    out(`NOT VALID (first problem: ${file}): it is not a readable zip (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
  out(bundleVerdict(result));
  return result.valid ? 0 : 1;
}

if (require.main === module) {
  runVerify(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stdout.write(`CANNOT CHECK: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
