import { sha256 } from '@noble/hashes/sha256';
import { receiptExtension, type ReceiptMediaType } from '../money/receipt-type';
import { bytesToHex } from '@noble/hashes/utils';
import { LEDGER_FORMAT_VERSION, verifyLedgerChain, withBodyText, type ChainVerification, type ChainVerificationOptions, type LedgerEntry, type OpenLedgerEntry } from '../ledger/ledger-entry';
import { bodyTextOfLedgerLine, openEntryOfCanonicalLine } from '../ledger/ledger-line';
import { proveServerLedger } from './ledger-bytes';
import { sha256Hex as portableSha256Hex, type Sha256Hex } from '../ledger/sha256';

/**
 * The bundle format this code writes (docs/record-format.md, section 10). Version 2 carries
 * every stored file the ledger records (receipts and proofs of payment); a version 1 bundle,
 * made before, carries none and is still verified as what it was.
 */
export const BUNDLE_FORMAT_VERSION = 2;
const VERIFIABLE_FORMAT_VERSIONS: readonly number[] = [1, 2];

/** Where a stored file (a receipt or a proof of payment) sits in a bundle: `receipts/<receipt id>.<extension>`. */
export function bundleReceiptName(receiptId: string, mediaType: ReceiptMediaType): string {
  return `receipts/${receiptId}.${receiptExtension(mediaType)}`;
}

/** The files of a bundle, by name. The manifest lists every other file with its SHA-256. */
export const BUNDLE_FILES = { manifest: 'manifest.json', signature: 'manifest.sig', ledger: 'ledger.jsonl', pdf: 'record.pdf' } as const;

/**
 * What a record printed for court may contain beyond its cover and summary, in the order
 * printed. Entries of modules without a section of their own are listed by their sentences
 * under "other".
 */
export const EXPORT_SECTIONS = ['messages', 'held-back', 'terms', 'schedule', 'expenses', 'other'] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

export interface BundleFile {
  name: string;
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: string;
  bytes: number;
}

/** `manifest.json`: signed, byte for byte, by `manifest.sig` (Ed25519). */
export interface ExportManifest {
  format: 'parallel-record-bundle';
  formatVersion: 1 | 2;
  recordFormat: typeof LEDGER_FORMAT_VERSION;
  exportId: string;
  caseId: string;
  /** The last entry of `ledger.jsonl` (the export's own `export.made` entry). */
  head: { seq: number; hash: string };
  /** What the PDF prints: dates (YYYY-MM-DD, case's zone) or null for an open end, and its sections. */
  range: { from: string | null; to: string | null; timeZone: string };
  sections: string[];
  generatedAt: string;
  files: BundleFile[];
  publicKey: { algorithm: 'Ed25519'; pem: string; fingerprint: string };
}

/** `SHA256:` and the lowercase hex SHA-256 of the key's DER SubjectPublicKeyInfo (what the PEM holds). */
export function publicKeyFingerprint(pem: string): string {
  return `SHA256:${bytesToHex(sha256(pemBody(pem)))}`;
}

function pemBody(pem: string): Uint8Array {
  const base64 = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Error('the public key is not a PEM "PUBLIC KEY"');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export interface BundleCrypto {
  /** Ed25519 verification of `message` against `signature`, with the PEM public key (SPKI). */
  verifyEd25519: (message: Uint8Array, signature: Uint8Array, publicKeyPem: string) => boolean | Promise<boolean>;
  /** SHA-256 of bytes as lowercase hex (node:crypto in Node; the portable one by default). */
  sha256Bytes?: (bytes: Uint8Array) => string;
  sha256Hex?: Sha256Hex;
}

export interface BundleVerificationOptions {
  /** The key the bundle must be signed by (its fingerprint, as printed on the PDF's cover or published by the server). */
  expectedKeyFingerprint?: string;
}

export type BundleVerification =
  | { valid: true; caseId: string; entries: number; head: { seq: number; hash: string }; keyFingerprint: string; files: string[]; generatedAt: string }
  | {
      valid: false;
      /** What fails first: the signature, a file (named), or an entry of the ledger (named by seq). */
      problem: { kind: 'signature' | 'manifest' | 'file' | 'entry'; file?: string; seq?: number };
      reason: string;
    };

const portableSha256Bytes = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));

/**
 * Checks a whole bundle, as an outside expert would: the manifest's signature by the key it
 * names (and, when given, that this is the expected key); the whole chain in `ledger.jsonl`
 * up to the signed head; the SHA-256 of every file the manifest lists; and that nothing
 * else is in the bundle. Names the first problem: an entry by its number when the ledger
 * was altered, else the file.
 */
export async function verifyBundle(files: ReadonlyMap<string, Uint8Array>, crypto: BundleCrypto, options: BundleVerificationOptions = {}): Promise<BundleVerification> {
  const sha256Bytes = crypto.sha256Bytes ?? portableSha256Bytes;
  const fail = (kind: 'signature' | 'manifest' | 'file' | 'entry', reason: string, where: { file?: string; seq?: number } = {}): BundleVerification => ({
    valid: false,
    problem: { kind, ...where },
    reason,
  });
  const manifestBytes = files.get(BUNDLE_FILES.manifest);
  if (!manifestBytes) return fail('manifest', `${BUNDLE_FILES.manifest} is missing`, { file: BUNDLE_FILES.manifest });
  const signature = files.get(BUNDLE_FILES.signature);
  if (!signature) return fail('signature', `${BUNDLE_FILES.signature} is missing`, { file: BUNDLE_FILES.signature });

  let manifest: ExportManifest;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes)) as ExportManifest;
  } catch {
    return fail('manifest', `${BUNDLE_FILES.manifest} is not valid JSON`, { file: BUNDLE_FILES.manifest });
  }
  const shapeProblem = manifestProblem(manifest);
  if (shapeProblem) return fail('manifest', `${BUNDLE_FILES.manifest} ${shapeProblem}`, { file: BUNDLE_FILES.manifest });

  let fingerprint: string;
  try {
    fingerprint = publicKeyFingerprint(manifest.publicKey.pem);
  } catch (error) {
    return fail('manifest', `${BUNDLE_FILES.manifest}: ${error instanceof Error ? error.message : String(error)}`, { file: BUNDLE_FILES.manifest });
  }
  if (fingerprint !== manifest.publicKey.fingerprint) return fail('manifest', `${BUNDLE_FILES.manifest}: the key's fingerprint is not the one it states`, { file: BUNDLE_FILES.manifest });
  let signed = false;
  try {
    signed = signature.length === 64 && (await crypto.verifyEd25519(manifestBytes, signature, manifest.publicKey.pem));
  } catch {
    signed = false;
  }
  if (!signed) return fail('signature', `${BUNDLE_FILES.signature} is not a signature of ${BUNDLE_FILES.manifest} by the key ${fingerprint}`, { file: BUNDLE_FILES.signature });
  if (options.expectedKeyFingerprint !== undefined && options.expectedKeyFingerprint.toLowerCase() !== fingerprint.toLowerCase()) {
    return fail('signature', `the bundle is signed by the key ${fingerprint}, not by the expected key ${options.expectedKeyFingerprint}`, { file: BUNDLE_FILES.signature });
  }

  // The chain first: when the ledger was altered, the entry is what a reader needs to know.
  const ledgerBytes = files.get(BUNDLE_FILES.ledger);
  if (!ledgerBytes) return fail('file', `${BUNDLE_FILES.ledger} is missing`, { file: BUNDLE_FILES.ledger });
  const recorded = new Map<string, { seq: number; sha256: string }>();
  const chain = verifyLedgerJsonl(
    ledgerBytes,
    { caseId: manifest.caseId, expectedHead: manifest.head, sha256Hex: crypto.sha256Hex ?? portableSha256Hex, sha256Bytes },
    {
      types: ['expense.receipt_added', 'payment.proof_added'],
      each: (entry) => {
        if (entry.type === 'expense.receipt_added' || entry.type === 'payment.proof_added') recorded.set(bundleReceiptName(entry.payload.receiptId, entry.payload.mediaType), { seq: entry.seq, sha256: entry.payload.sha256 });
      },
    },
  );
  if ('line' in chain) return fail('entry', `${BUNDLE_FILES.ledger} line ${chain.line} is not an open entry of record format 1 (its members or their types were altered)`, { file: BUNDLE_FILES.ledger, seq: chain.line });
  if (!chain.valid) return fail('entry', `${BUNDLE_FILES.ledger}: ${chain.reason}`, { file: BUNDLE_FILES.ledger, seq: chain.firstBadSeq });

  for (const listed of manifest.files) {
    const bytes = files.get(listed.name);
    if (!bytes) return fail('file', `${listed.name} is listed in the manifest but missing`, { file: listed.name });
    if (bytes.length !== listed.bytes || sha256Bytes(bytes) !== listed.sha256) return fail('file', `${listed.name} was altered: its SHA-256 is not the one the manifest states`, { file: listed.name });
  }
  // Stored files: each is the one an entry of the chain recorded (its SHA-256), and from format 2 every one recorded is there.
  for (const listed of manifest.files) {
    if (!listed.name.startsWith('receipts/')) continue;
    const entry = recorded.get(listed.name);
    if (!entry) return fail('file', `${listed.name} is not a file any entry of the ledger records`, { file: listed.name });
    if (entry.sha256 !== listed.sha256) return fail('file', `${listed.name} is not the file entry ${entry.seq} recorded: its SHA-256 differs`, { file: listed.name });
  }
  if (manifest.formatVersion >= 2) {
    const carried = new Set(manifest.files.map((file) => file.name));
    for (const [name, entry] of recorded) if (!carried.has(name)) return fail('file', `${name}, recorded by entry ${entry.seq}, is missing from the bundle`, { file: name });
  }
  const listedNames = new Set([...manifest.files.map((file) => file.name), BUNDLE_FILES.manifest, BUNDLE_FILES.signature]);
  for (const name of files.keys()) {
    if (!listedNames.has(name)) return fail('file', `${name} is in the bundle but not in the signed manifest`, { file: name });
  }
  if (!manifest.files.some((file) => file.name === BUNDLE_FILES.ledger)) return fail('manifest', `${BUNDLE_FILES.manifest} does not list ${BUNDLE_FILES.ledger}`, { file: BUNDLE_FILES.manifest });
  return {
    valid: true,
    caseId: manifest.caseId,
    entries: chain.count,
    head: { seq: chain.headSeq, hash: chain.headHash },
    keyFingerprint: fingerprint,
    files: manifest.files.map((file) => file.name),
    generatedAt: manifest.generatedAt,
  };
}

/** One line for a person: what was checked, or where trust ends. */
export function bundleVerdict(result: BundleVerification): string {
  if (result.valid) {
    return `VALID: ${result.entries} entries of case ${result.caseId} up to entry ${result.head.seq} (${result.head.hash}), ${result.files.length} files, signed by ${result.keyFingerprint}`;
  }
  const where = result.problem.seq !== undefined ? `entry ${result.problem.seq}` : (result.problem.file ?? result.problem.kind);
  return `NOT VALID (first problem: ${where}): ${result.reason}`;
}

function manifestProblem(manifest: unknown): string | null {
  if (typeof manifest !== 'object' || manifest === null) return 'is not an object';
  const m = manifest as Partial<ExportManifest>;
  if (m.format !== 'parallel-record-bundle' || !VERIFIABLE_FORMAT_VERSIONS.includes(m.formatVersion as number)) return `is not a bundle manifest of format ${VERIFIABLE_FORMAT_VERSIONS.join(' or ')}`;
  if (typeof m.caseId !== 'string') return 'lacks caseId';
  if (!m.head || typeof m.head.seq !== 'number' || typeof m.head.hash !== 'string') return 'lacks head';
  if (!Array.isArray(m.files) || !m.files.every((file) => typeof file?.name === 'string' && typeof file.sha256 === 'string' && typeof file.bytes === 'number')) return 'lacks its files';
  if (!m.publicKey || m.publicKey.algorithm !== 'Ed25519' || typeof m.publicKey.pem !== 'string' || typeof m.publicKey.fingerprint !== 'string') return 'lacks an Ed25519 public key';
  return null;
}

export interface LedgerJsonlOptions extends ChainVerificationOptions {
  /** SHA-256 of bytes as lowercase hex (node:crypto in Node; the portable one by default). */
  sha256Bytes?: (bytes: Uint8Array) => string;
}

/** Entries a reader wants to see once the chain holds: those of `types`, in order. */
export interface LedgerJsonlReading {
  types: readonly string[];
  each: (entry: OpenLedgerEntry) => void;
}

/**
 * The chain a ledger.jsonl file holds, verified. A file in exactly the server's form is proven
 * from its bytes (proveServerLedger); any other file, or one that does not prove, is read line
 * by line (the server's canonical form without parsing it, any other form parsed and its
 * members checked) and its chain checked in order (verifyLedgerChain), which names the first
 * problem. `line` names a line that is not an open entry at all. `reading.each` then sees every
 * entry of `reading.types` of a chain that holds, in order.
 */
export function verifyLedgerJsonl(bytes: Uint8Array, options: LedgerJsonlOptions, reading?: LedgerJsonlReading): ChainVerification | { valid: false; line: number } {
  const proven = proveServerLedger(bytes, { caseId: options.caseId, head: options.expectedHead }, options.sha256Bytes ?? portableSha256Bytes, reading?.types);
  if (proven) {
    if (reading) {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      for (const [start, end] of proven.linesOfTypes) {
        const line = decoder.decode(bytes.subarray(start, end));
        reading.each(openEntryOfCanonicalLine(line) ?? (JSON.parse(line) as OpenLedgerEntry));
      }
    }
    return { valid: true, count: proven.count, sealedCount: 0, headSeq: proven.head.seq, headHash: proven.head.hash };
  }
  const parsed = parseLedgerLines(bytes);
  if ('line' in parsed) return { valid: false, line: parsed.line };
  const chain = verifyLedgerChain(parsed.entries, options);
  // Only a chain that holds is read further (a payload of an altered entry is not to be trusted).
  if (chain.valid && reading) for (const entry of parsed.entries) if (!entry.sealed && reading.types.includes(entry.type)) reading.each(entry);
  return chain;
}

function parseLedgerLines(bytes: Uint8Array): { entries: LedgerEntry[] } | { line: number } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { line: 1 };
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const entries: LedgerEntry[] = [];
  for (let index = 0; index < lines.length; index++) {
    // The form the server writes is read without parsing; any other is parsed and checked.
    const canonical = openEntryOfCanonicalLine(lines[index] as string);
    if (canonical) {
      entries.push(canonical);
      continue;
    }
    try {
      const value = JSON.parse(lines[index] as string) as unknown;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line: index + 1 };
      if (!hasEntryShape(value as Record<string, unknown>)) return { line: index + 1 };
      // A canonical line carries its body's exact text: hashed as it stands, as the server does.
      const fields = value as Record<string, unknown>;
      const bodyText = typeof fields.type === 'string' && typeof fields.salt === 'string' ? bodyTextOfLedgerLine(lines[index] as string, value as OpenLedgerEntry) : undefined;
      entries.push(bodyText === undefined ? (value as LedgerEntry) : withBodyText(value as OpenLedgerEntry, bodyText));
    } catch {
      return { line: index + 1 };
    }
  }
  return { entries };
}

/** The members a line of ledger.jsonl has: the seal, the body and `sealed` (false: a record for court is open). */
const ENTRY_MEMBERS = ['actorId', 'at', 'bodyHash', 'caseId', 'hash', 'payload', 'prevHash', 'salt', 'sealed', 'seq', 'type', 'v'];

/** Exactly the members of an open entry with their JSON types (section 2): a renamed, added or retyped member is named, not thrown. */
function hasEntryShape(entry: Record<string, unknown>): boolean {
  // Twelve own members, each one of the twelve names: no sorting, as every entry of a long record pays this.
  let count = 0;
  for (const key in entry) if (Object.prototype.hasOwnProperty.call(entry, key)) count++;
  return (
    count === ENTRY_MEMBERS.length &&
    ENTRY_MEMBERS.every((key) => Object.prototype.hasOwnProperty.call(entry, key)) &&
    typeof entry.v === 'number' &&
    typeof entry.caseId === 'string' &&
    typeof entry.seq === 'number' &&
    typeof entry.at === 'string' &&
    typeof entry.prevHash === 'string' &&
    typeof entry.bodyHash === 'string' &&
    typeof entry.hash === 'string' &&
    entry.sealed === false
  );
}
