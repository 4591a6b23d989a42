import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { nextLedgerEntry, type OpenLedgerEntry } from '../ledger/ledger-entry';
import { openLedgerLine } from '../ledger/ledger-line';
import { BUNDLE_FILES, bundleReceiptName, bundleVerdict, publicKeyFingerprint, verifyBundle, type BundleCrypto, type ExportManifest } from './bundle';

const CASE_ID = '7d1f1f5e-0000-4000-8000-000000000001';
const encoder = new TextEncoder();
const nodeCrypto: BundleCrypto = {
  verifyEd25519: (message, signature, pem) => verify(null, message, createPublicKey(pem), signature),
  sha256Bytes: (bytes) => createHash('sha256').update(bytes).digest('hex'),
};

function chain(count: number): OpenLedgerEntry[] {
  const entries: OpenLedgerEntry[] = [];
  for (let index = 0; index < count; index++) {
    const head = entries.at(-1) ?? null;
    entries.push(
      nextLedgerEntry(head, {
        caseId: CASE_ID,
        at: new Date(Date.UTC(2026, 2, 1, 9, index)).toISOString(),
        type: 'message.sent',
        actorId: 'user-a',
        payload: { messageId: `m${index}`, recipientId: 'user-b', topic: 'school', text: `Pick-up at ${index}:00 — שלום, مرحبا 🙂`, urgent: false, deliverAt: '2026-03-01T09:00:00.000Z' },
        salt: index.toString(16).padStart(32, '0'),
      }),
    );
  }
  return entries;
}

/** A bundle as the server writes it (its lines by `openLedgerLine`), or from lines given as they are. */
function makeBundle(
  entries: readonly OpenLedgerEntry[],
  signer: KeyObject,
  named: KeyObject,
  pdf = encoder.encode('%PDF-1.7 a record'),
  lines = entries.map(openLedgerLine),
  extra: ReadonlyMap<string, Uint8Array> = new Map(),
  formatVersion: 1 | 2 = 2,
): Map<string, Uint8Array> {
  const ledger = encoder.encode(lines.join('\n') + '\n');
  const last = entries.at(-1)!;
  const pem = createPublicKey(named).export({ type: 'spki', format: 'pem' }).toString();
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const manifest: ExportManifest = {
    format: 'parallel-record-bundle',
    formatVersion,
    recordFormat: 1,
    exportId: 'x1',
    caseId: CASE_ID,
    head: { seq: last.seq, hash: last.hash },
    range: { from: null, to: null, timeZone: 'Europe/London' },
    sections: ['messages'],
    generatedAt: '2026-03-02T10:00:00.000Z',
    files: [
      { name: BUNDLE_FILES.ledger, sha256: sha(ledger), bytes: ledger.length },
      { name: BUNDLE_FILES.pdf, sha256: sha(pdf), bytes: pdf.length },
      ...[...extra].map(([name, bytes]) => ({ name, sha256: sha(bytes), bytes: bytes.length })),
    ],
    publicKey: { algorithm: 'Ed25519', pem, fingerprint: publicKeyFingerprint(pem) },
  };
  const manifestBytes = encoder.encode(JSON.stringify(manifest, null, 2) + '\n');
  return new Map([
    [BUNDLE_FILES.manifest, manifestBytes],
    [BUNDLE_FILES.signature, new Uint8Array(sign(null, manifestBytes, signer))],
    [BUNDLE_FILES.ledger, ledger],
    [BUNDLE_FILES.pdf, pdf],
    ...extra,
  ]);
}

describe('verifyBundle', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519').privateKey;
  const entries = chain(6);

  it('accepts an untouched bundle and says what it checked', async () => {
    const result = await verifyBundle(makeBundle(entries, privateKey, privateKey), nodeCrypto);
    expect(result).toMatchObject({ valid: true, entries: 6, head: { seq: 6, hash: entries[5]!.hash } });
    expect(bundleVerdict(result)).toMatch(/^VALID: 6 entries/);
  });

  it('names the entry when any single byte of any entry is changed', async () => {
    const good = makeBundle(entries, privateKey, privateKey);
    const ledger = good.get(BUNDLE_FILES.ledger)!;
    const lineStarts = [0, ...[...ledger.keys()].filter((i) => ledger[i] === 10).map((i) => i + 1)].slice(0, entries.length);
    // Every byte of entries 2 and 5, one at a time (a character swapped for another).
    for (const seq of [2, 5]) {
      const start = lineStarts[seq - 1]!;
      const end = lineStarts[seq]! - 1;
      for (let at = start; at < end; at++) {
        const altered = new Uint8Array(ledger);
        altered[at] = altered[at] === 0x30 ? 0x31 : altered[at]! < 0x80 && altered[at] !== 0x22 && altered[at] !== 0x5c ? 0x30 : altered[at]! ^ 1;
        const result = await verifyBundle(new Map(good).set(BUNDLE_FILES.ledger, altered), nodeCrypto);
        expect({ at, valid: result.valid }).toEqual({ at, valid: false });
        if (!result.valid) expect({ at, seq: result.problem.seq }).toEqual({ at, seq });
      }
    }
  });

  it('names the gap when an entry is deleted, and the place when a pair is swapped', async () => {
    const deleted = await verifyBundle(makeBundle([...entries.slice(0, 3), ...entries.slice(4)], privateKey, privateKey), nodeCrypto);
    expect(deleted).toMatchObject({ valid: false, problem: { kind: 'entry', seq: 4 } });
    expect(bundleVerdict(deleted)).toMatch(/^NOT VALID \(first problem: entry 4\): ledger.jsonl: expected entry 4 but found 5/);

    const swapped = [...entries];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(await verifyBundle(makeBundle(swapped, privateKey, privateKey), nodeCrypto)).toMatchObject({ valid: false, problem: { kind: 'entry', seq: 3 } });
  });

  it('names entries cut from the end even when the manifest is re-signed with them gone: the head does not match', async () => {
    const bundle = makeBundle(entries, privateKey, privateKey);
    const cut = makeBundle(entries.slice(0, 4), privateKey, privateKey);
    // The original signed manifest (head 6) with a ledger of 4 entries.
    const mixed = new Map(bundle).set(BUNDLE_FILES.ledger, cut.get(BUNDLE_FILES.ledger)!);
    expect(await verifyBundle(mixed, nodeCrypto)).toMatchObject({ valid: false, problem: { kind: 'entry', seq: 5 } });
  });

  it('names the PDF when one byte of it is changed', async () => {
    const bundle = makeBundle(entries, privateKey, privateKey);
    const pdf = new Uint8Array(bundle.get(BUNDLE_FILES.pdf)!);
    pdf[5] = pdf[5]! ^ 1;
    const result = await verifyBundle(new Map(bundle).set(BUNDLE_FILES.pdf, pdf), nodeCrypto);
    expect(result).toMatchObject({ valid: false, problem: { kind: 'file', file: 'record.pdf' } });
    expect(bundleVerdict(result)).toBe('NOT VALID (first problem: record.pdf): record.pdf was altered: its SHA-256 is not the one the manifest states');
  });

  it('refuses a manifest signed by another key than the one it names, and one signed by a key that is not the expected one', async () => {
    const forged = await verifyBundle(makeBundle(entries, other, privateKey), nodeCrypto);
    expect(forged).toMatchObject({ valid: false, problem: { kind: 'signature', file: 'manifest.sig' } });

    const selfSigned = makeBundle(entries, other, other);
    const expected = publicKeyFingerprint(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString());
    expect(await verifyBundle(selfSigned, nodeCrypto)).toMatchObject({ valid: true });
    const pinned = await verifyBundle(selfSigned, nodeCrypto, { expectedKeyFingerprint: expected });
    expect(pinned).toMatchObject({ valid: false, problem: { kind: 'signature' } });
    if (!pinned.valid) expect(pinned.reason).toContain(expected);
  });

  it('refuses a changed manifest, a missing file and a file the manifest does not list', async () => {
    const bundle = makeBundle(entries, privateKey, privateKey);
    const manifest = new Uint8Array(bundle.get(BUNDLE_FILES.manifest)!);
    manifest[new TextDecoder().decode(manifest).indexOf('2026-03-02') + 9] = 0x33;
    expect(await verifyBundle(new Map(bundle).set(BUNDLE_FILES.manifest, manifest), nodeCrypto)).toMatchObject({ valid: false, problem: { kind: 'signature' } });
    const withoutPdf = new Map(bundle);
    withoutPdf.delete(BUNDLE_FILES.pdf);
    expect(await verifyBundle(withoutPdf, nodeCrypto)).toMatchObject({ valid: false, problem: { kind: 'file', file: 'record.pdf' } });
    expect(await verifyBundle(new Map(bundle).set('extra.txt', encoder.encode('x')), nodeCrypto)).toMatchObject({ valid: false, problem: { kind: 'file', file: 'extra.txt' } });
  });

  it('verifies lines in another member order from their fields, and still names a changed one', async () => {
    const reordered = entries.map((entry) => JSON.stringify(entry));
    expect(await verifyBundle(makeBundle(entries, privateKey, privateKey, undefined, reordered), nodeCrypto)).toMatchObject({ valid: true, entries: 6 });
    const altered = reordered.map((line, index) => (index === 2 ? line.replace('Pick-up at 2:00', 'Pick-up at 9:00') : line));
    expect(await verifyBundle(makeBundle(entries, privateKey, privateKey, undefined, altered), nodeCrypto)).toMatchObject({ valid: false, problem: { kind: 'entry', seq: 3 } });
  });

  it('names a line that gives its payload twice (a reader would see the second), though the first is the original text', async () => {
    const lines = entries.map(openLedgerLine);
    lines[3] = lines[3]!.replace(',"prevHash":', ',"payload":{"text":"forged"},"prevHash":');
    expect(JSON.parse(lines[3]).payload).toEqual({ text: 'forged' });
    expect(await verifyBundle(makeBundle(entries, privateKey, privateKey, undefined, lines), nodeCrypto)).toMatchObject({ valid: false, problem: { kind: 'entry', seq: 4 } });
  });

  it('verifies with the portable hashes too (as in the browser)', async () => {
    const result = await verifyBundle(makeBundle(entries, privateKey, privateKey), { verifyEd25519: nodeCrypto.verifyEd25519 });
    expect(result.valid).toBe(true);
  });
});

describe('verifyBundle with stored files (receipts and proofs of payment)', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const photo = encoder.encode('\xff\xd8\xff a receipt photo');
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const receiptId = '5b0e4c1a-0000-4000-8000-00000000000a';
  const name = bundleReceiptName(receiptId, 'image/jpeg');
  const entries = [...chain(3)];
  entries.push(
    nextLedgerEntry(entries.at(-1)!, {
      caseId: CASE_ID,
      at: '2026-03-01T10:00:00.000Z',
      type: 'expense.receipt_added',
      actorId: 'user-a',
      payload: { expenseId: 'e1', receiptId, mediaType: 'image/jpeg', sizeBytes: photo.length, sha256: sha(photo) },
      salt: 'ff'.repeat(16),
    }),
  );

  it('accepts the files the chain recorded, named by their entry’s receipt', async () => {
    expect(name).toBe(`receipts/${receiptId}.jpg`);
    expect(await verifyBundle(makeBundle(entries, privateKey, privateKey, undefined, undefined, new Map([[name, photo]])), nodeCrypto)).toMatchObject({ valid: true, files: ['ledger.jsonl', 'record.pdf', name] });
  });

  it('names a file that is not the one its entry recorded, though the manifest was signed with it', async () => {
    const other = encoder.encode('\xff\xd8\xff another photo');
    const result = await verifyBundle(makeBundle(entries, privateKey, privateKey, undefined, undefined, new Map([[name, other]])), nodeCrypto);
    expect(result).toMatchObject({ valid: false, problem: { kind: 'file', file: name } });
    expect(bundleVerdict(result)).toContain('is not the file entry 4 recorded');
    const stray = `receipts/${'0'.repeat(8)}-0000-4000-8000-000000000000.jpg`;
    expect(await verifyBundle(makeBundle(entries, privateKey, privateKey, undefined, undefined, new Map([[name, photo], [stray, photo]])), nodeCrypto)).toMatchObject({
      valid: false,
      problem: { kind: 'file', file: stray },
    });
  });

  it('names a recorded file missing from a bundle of format 2, and accepts a bundle of format 1 (made before files were carried)', async () => {
    expect(await verifyBundle(makeBundle(entries, privateKey, privateKey), nodeCrypto)).toMatchObject({ valid: false, problem: { kind: 'file', file: name } });
    expect(await verifyBundle(makeBundle(entries, privateKey, privateKey, undefined, undefined, new Map(), 1), nodeCrypto)).toMatchObject({ valid: true });
  });
});
