import { BUNDLE_FILES, verifyBundle, type BundleCrypto, type ExportManifest } from '@parallel/domain';
import { unzipSync } from 'fflate';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, SigningKey, SigningKeyError } from '../src/export/signing-key';
import { createJoinedCase, registerParent, sendMessage } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const nodeCrypto: BundleCrypto = {
  verifyEd25519: (message, signature, pem) => verify(null, message, createPublicKey(pem), signature),
  sha256Bytes: (bytes) => createHash('sha256').update(bytes).digest('hex'),
};

/** supertest: the whole body as bytes. */
function binary(response: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('exports for court', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2026-11-02T09:00:00.000Z'));

  async function caseWithMessages() {
    const joined = await createJoinedCase(t);
    await sendMessage(t, joined.caseId, joined.first, {
      topic: 'school',
      text: 'Parents’ evening Thursday 17:30, room 4. שלום 🙂',
    }).expect(201);
    t.clock.set('2026-11-02T10:00:00.000Z');
    await sendMessage(t, joined.caseId, joined.second, {
      topic: 'health',
      text: 'Dentist Monday 09:00. مرحبا',
      urgent: true,
    }).expect(201);
    return joined;
  }

  const download = (url: string, bearer: Record<string, string>) =>
    t
      .http()
      .get(url)
      .set(bearer)
      .buffer(true)
      .parse(binary as never);

  it('records the export in the ledger and gives a PDF and a bundle that verifies', async () => {
    const { caseId, first, second } = await caseWithMessages();
    const made = await t
      .http()
      .post(`/api/cases/${caseId}/exports`)
      .set(first.bearer)
      .send({ sections: ['messages', 'held-back'] });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      caseId,
      requestedBy: first.user.id,
      ledgerSeq: 6,
      from: null,
      to: null,
      sections: ['messages', 'held-back'],
    });
    expect(made.body.keyFingerprint).toMatch(/^SHA256:[0-9a-f]{64}$/);

    const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(second.bearer).expect(200);
    expect(ledger.body.items.at(-1)).toMatchObject({
      seq: 6,
      type: 'export.made',
      actorId: first.user.id,
      payload: { exportId: made.body.id },
    });

    const pdf = await download(made.body.pdfUrl, second.bearer);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const bundle = await download(made.body.bundleUrl, first.bearer);
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toBe('application/zip');
    const files = new Map(Object.entries(unzipSync(new Uint8Array(bundle.body as Buffer))));
    expect([...files.keys()].sort()).toEqual(['ledger.jsonl', 'manifest.json', 'manifest.sig', 'record.pdf']);
    const result = await verifyBundle(files, nodeCrypto, {
      expectedKeyFingerprint: made.body.keyFingerprint,
    });
    expect(result).toMatchObject({
      valid: true,
      caseId,
      entries: 6,
      head: { seq: 6 },
    });
    // The PDF downloaded alone is the PDF the manifest signs.
    expect(Buffer.from(files.get(BUNDLE_FILES.pdf)!).equals(pdf.body as Buffer)).toBe(true);
    const manifest = JSON.parse(Buffer.from(files.get(BUNDLE_FILES.manifest)!).toString()) as ExportManifest;
    expect(manifest).toMatchObject({
      caseId,
      exportId: made.body.id,
      head: { seq: 6 },
      range: { from: null, to: null, timeZone: 'Europe/London' },
    });
    // The walk-through with standard tools alone agrees (docs/record-format.md, section 10).
    const tools = spawnSync('sh', ['-c', 'command -v unzip && command -v jq && command -v openssl && command -v sha256sum']);
    if (tools.status === 0) {
      const zip = join(mkdtempSync(join(tmpdir(), 'export-')), 'bundle.zip');
      writeFileSync(zip, bundle.body as Buffer);
      const walk = spawnSync('bash', [join(__dirname, '../../../tools/verify-with-standard-tools.sh'), zip, made.body.keyFingerprint], { encoding: 'utf8' });
      expect(walk.stdout).toMatch(/^VALID: 6 entries/);
    }
    // Sealed entries are open in the export: the ledger is the record, texts included.
    expect(Buffer.from(files.get(BUNDLE_FILES.ledger)!).toString()).toContain('Dentist Monday 09:00. مرحبا');
  });

  it('makes an export’s PDF once and sends the same bytes after, for the bundle too, whichever is asked for first', async () => {
    const { caseId, first, second } = await caseWithMessages();
    const bundleFirst = await t.http().post(`/api/cases/${caseId}/exports`).set(first.bearer).send({}).expect(201);
    const kept = join(t.config.dataDir, 'exports', `${bundleFirst.body.id}.pdf`);
    expect(existsSync(kept)).toBe(false);
    const bundle = await download(bundleFirst.body.bundleUrl, first.bearer).expect(200);
    const inBundle = Buffer.from(unzipSync(new Uint8Array(bundle.body as Buffer))[BUNDLE_FILES.pdf]!);
    // Kept once complete, with nothing left aside.
    expect(readFileSync(kept).equals(inBundle)).toBe(true);
    expect(readdirSync(join(t.config.dataDir, 'exports')).filter((name) => name.endsWith('.partial'))).toEqual([]);
    const again = await download(bundleFirst.body.pdfUrl, second.bearer).expect(200);
    expect((again.body as Buffer).equals(inBundle)).toBe(true);

    // A kept file that was lost (another replica, a cleared directory) is made again, the same bytes.
    rmSync(kept);
    const remade = await download(bundleFirst.body.pdfUrl, first.bearer).expect(200);
    expect((remade.body as Buffer).equals(inBundle)).toBe(true);
    expect(existsSync(kept)).toBe(true);
  });

  it('carries every stored receipt in the bundle, the file its entry recorded, checked by both verifiers', async () => {
    const { caseId, first } = await caseWithMessages();
    const expense = await t
      .http()
      .post(`/api/cases/${caseId}/expenses`)
      .set(first.bearer)
      .send({ category: 'medical', description: 'Dentist', incurredOn: '2026-11-01', amountMinor: 6000, currency: 'GBP' })
      .expect(201);
    const receipt = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const stored = await t.http().post(`/api/cases/${caseId}/expenses/${expense.body.id}/receipts`).set(first.bearer).attach('file', receipt, 'receipt.pdf').expect(201);
    const made = await t.http().post(`/api/cases/${caseId}/exports`).set(first.bearer).send({}).expect(201);
    const bundle = await download(made.body.bundleUrl, first.bearer).expect(200);
    const files = new Map(Object.entries(unzipSync(new Uint8Array(bundle.body as Buffer))));
    const name = `receipts/${stored.body.id}.pdf`;
    expect(Buffer.from(files.get(name)!).equals(receipt)).toBe(true);
    const manifest = JSON.parse(Buffer.from(files.get(BUNDLE_FILES.manifest)!).toString()) as ExportManifest;
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.files.find((file) => file.name === name)).toEqual({ name, sha256: createHash('sha256').update(receipt).digest('hex'), bytes: receipt.length });
    expect(await verifyBundle(files, nodeCrypto)).toMatchObject({ valid: true });
    const tools = spawnSync('sh', ['-c', 'command -v unzip && command -v jq && command -v openssl && command -v sha256sum']);
    if (tools.status === 0) {
      const zip = join(mkdtempSync(join(tmpdir(), 'export-')), 'bundle.zip');
      writeFileSync(zip, bundle.body as Buffer);
      const walk = spawnSync('bash', [join(__dirname, '../../../tools/verify-with-standard-tools.sh'), zip], { encoding: 'utf8' });
      expect(walk.stdout).toMatch(/^VALID: /);
    }
  });

  it('prints the range asked for (pdftotext, when installed)', async () => {
    const { caseId, first } = await caseWithMessages();
    const made = await t.http().post(`/api/cases/${caseId}/exports`).set(first.bearer).send({ from: '2026-11-02', to: '2026-11-02' }).expect(201);
    expect(made.body.sections).toEqual(['messages', 'held-back', 'terms', 'schedule', 'expenses', 'other']);
    const pdf = await download(made.body.pdfUrl, first.bearer).expect(200);
    let text: string;
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'export-')), 'record.pdf');
      writeFileSync(file, pdf.body as Buffer);
      text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    } catch {
      return; // poppler-utils missing: .ci/run installs it
    }
    expect(text).toContain('Parents’ evening Thursday 17:30, room 4.');
    expect(text).toContain('Dentist Monday 09:00.');
    expect(text).toContain('URGENT');
    expect(text).toContain('2026-11-02 to 2026-11-02');
  });

  it('refuses bad input with the field and rule', async () => {
    const { caseId, first } = await createJoinedCase(t);
    const reversed = await t.http().post(`/api/cases/${caseId}/exports`).set(first.bearer).send({ from: '2026-11-03', to: '2026-11-02' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.details).toContainEqual(expect.objectContaining({ field: 'to', rule: 'notBeforeFrom' }));
    const badDay = await t.http().post(`/api/cases/${caseId}/exports`).set(first.bearer).send({ from: '2026-02-31' });
    expect(badDay.body.details).toContainEqual(expect.objectContaining({ field: 'from', rule: 'isDate' }));
    const badSection = await t
      .http()
      .post(`/api/cases/${caseId}/exports`)
      .set(first.bearer)
      .send({ sections: ['everything'] });
    expect(badSection.status).toBe(400);
    expect(badSection.body.details).toContainEqual(expect.objectContaining({ field: 'sections', rule: 'isIn' }));
  });

  it('is only for the two parents of the case: a stranger and a parent of another case are refused, and learn nothing', async () => {
    const { caseId, first } = await caseWithMessages();
    const made = await t.http().post(`/api/cases/${caseId}/exports`).set(first.bearer).send({}).expect(201);
    const stranger = await registerParent(t, 'Stranger');
    const other = await createJoinedCase(t);
    for (const outsider of [stranger, other.first]) {
      await t.http().post(`/api/cases/${caseId}/exports`).set(outsider.bearer).send({}).expect(404);
      await t.http().get(made.body.pdfUrl).set(outsider.bearer).expect(404);
      await t.http().get(made.body.bundleUrl).set(outsider.bearer).expect(404);
    }
    // Another case's parents cannot reach this export through their own case either.
    await t.http().get(`/api/cases/${other.caseId}/exports/${made.body.id}/bundle.zip`).set(other.first.bearer).expect(404);
    await t.http().get(made.body.pdfUrl).expect(401);
  });
});

describe('the signing key', () => {
  it('is made at first start in the data directory, and read from it after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signing-key-'));
    const file = join(dir, 'signing-key.pem');
    const made = loadOrCreateSigningKey(file, false);
    expect(made.asymmetricKeyType).toBe('ed25519');
    const again = loadOrCreateSigningKey(file, false);
    expect(again.export({ format: 'pem', type: 'pkcs8' })).toEqual(made.export({ format: 'pem', type: 'pkcs8' }));
  });

  it('stops start-up with a message naming SIGNING_KEY_FILE when the file is missing, not a key, or not Ed25519', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signing-key-'));
    expect(() => loadOrCreateSigningKey(join(dir, 'absent.pem'), true)).toThrow(/SIGNING_KEY_FILE .*absent\.pem cannot be read/);
    writeFileSync(join(dir, 'junk.pem'), 'not a key');
    expect(() => loadOrCreateSigningKey(join(dir, 'junk.pem'), true)).toThrow(SigningKeyError);
    expect(() => loadOrCreateSigningKey(join(dir, 'junk.pem'), true)).toThrow(/SIGNING_KEY_FILE.*not a private key/);
    writeFileSync(
      join(dir, 'rsa.pem'),
      generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
        type: 'pkcs8',
        format: 'pem',
      }),
    );
    expect(() => loadOrCreateSigningKey(join(dir, 'rsa.pem'), true)).toThrow(/holds a rsa key; exports are signed with Ed25519/);
  });

  it('reads a key given by SIGNING_KEY_FILE and signs with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signing-key-'));
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(join(dir, 'given.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const key = new SigningKey({
      signingKeyFile: join(dir, 'given.pem'),
      signingKeyFromSetting: true,
    } as never);
    expect(key.publicKeyPem).toBe(publicKey.export({ type: 'spki', format: 'pem' }));
    expect(verify(null, Buffer.from('x'), publicKey, key.sign(Buffer.from('x')))).toBe(true);
    expect(readFileSync(join(dir, 'given.pem'), 'utf8')).toContain('PRIVATE KEY');
  });
});
