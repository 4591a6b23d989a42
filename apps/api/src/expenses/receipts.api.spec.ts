import { RECEIPT_MAX_BYTES } from '@parallel/domain';
import { ExifTool } from 'exiftool-vendored';
import heicDecode from 'heic-decode';
import jpeg from 'jpeg-js';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Response } from 'supertest';
import { createJoinedCase, registerParent, TestParent } from '../../test/support/factories';
import { startTestApp, TestApp } from '../../test/support/test-app';

const FIXTURES = join(__dirname, '../../test/fixtures/receipts');
const NOW = '2026-03-05T12:00:00.000Z';
const EXPENSE = { category: 'medical', description: 'Dentist', incurredOn: '2026-03-04', amountMinor: 6000, currency: 'GBP' };
/** Tags that tell where or with what a photo was taken: the fixtures carry them (written by ExifTool), the stored files must not. */
const REVEALING = /gps|city|location|make|model|serial/i;

/** Collects a download's bytes as they are (supertest would try to read a PDF or image as text). */
function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const minimalPdf = () => Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** Receipts over real multipart uploads: kinds by content, the size limit, metadata removed, stored in the database, for the two parents only. */
describe('expense receipts', () => {
  let t: TestApp;
  let exiftool: ExifTool;
  let scratch: string;
  beforeAll(async () => {
    t = await startTestApp();
    exiftool = new ExifTool({ maxProcs: 1 });
    scratch = mkdtempSync(join(tmpdir(), 'receipt-spec-'));
  });
  afterAll(async () => {
    await exiftool.end();
    rmSync(scratch, { recursive: true, force: true });
    await t.close();
  });
  beforeEach(() => t.clock.set(NOW));

  async function pendingExpense() {
    const joined = await createJoinedCase(t);
    const { body } = await t.http().post(`/api/cases/${joined.caseId}/expenses`).set(joined.first.bearer).send(EXPENSE).expect(201);
    return { ...joined, expenseId: body.id as string };
  }
  const upload = (caseId: string, expenseId: string, parent: TestParent) => t.http().post(`/api/cases/${caseId}/expenses/${expenseId}/receipts`).set(parent.bearer);
  const download = (url: string, parent?: TestParent) => {
    const request = t.http().get(url).buffer(true).parse(binary);
    return parent ? request.set(parent.bearer) : request;
  };
  const ledgerTail = async (caseId: string, parent: TestParent) => (await t.http().get(`/api/cases/${caseId}/ledger`).set(parent.bearer).expect(200)).body.items.at(-1);

  it.each([
    ['receipt-photo.jpg', 'image/jpeg', (bytes: Buffer) => jpeg.decode(bytes).width],
    ['receipt-photo.png', 'image/png', (bytes: Buffer) => PNG.sync.read(bytes).width],
    ['receipt-photo.heic', 'image/heic', async (bytes: Buffer) => (await heicDecode({ buffer: bytes })).width],
  ])('stores %s without its location and device metadata, hashed as stored, still a picture', async (fixture, mediaType, decodedWidth) => {
    const original = readFileSync(join(FIXTURES, fixture));
    const before = await exiftool.read(join(FIXTURES, fixture));
    expect(before).toMatchObject({ GPSLatitude: 51.501, Make: 'Apple', Model: 'iPhone 15 Pro', SerialNumber: 'F2LXK7ABC123', City: 'London' });

    const { caseId, first, second, expenseId } = await pendingExpense();
    // Named and declared as something else: the content decides.
    const stored = await upload(caseId, expenseId, first).attach('file', original, { filename: 'scan.bin', contentType: 'application/octet-stream' }).expect(201);
    expect(stored.body).toMatchObject({ mediaType, uploadedBy: first.user.id, uploadedAt: NOW });
    expect(stored.body.sizeBytes).toBeLessThan(original.length);

    const file = await download(`/api/cases/${caseId}/expenses/${expenseId}/receipts/${stored.body.id}`, second).expect(200);
    expect(file.headers['content-type']).toBe(mediaType);
    const bytes = file.body as Buffer;
    expect(bytes.length).toBe(stored.body.sizeBytes);
    expect(sha256(bytes)).toBe(stored.body.sha256);
    expect(await ledgerTail(caseId, second)).toMatchObject({
      type: 'expense.receipt_added',
      actorId: first.user.id,
      payload: { expenseId, receiptId: stored.body.id, mediaType, sizeBytes: bytes.length, sha256: stored.body.sha256 },
    });

    const path = join(scratch, `${stored.body.id}-${fixture}`);
    writeFileSync(path, bytes);
    const after = await exiftool.read(path, { readArgs: ['-G', '-a'] });
    expect(Object.keys(after).filter((tag) => REVEALING.test(tag) && !tag.startsWith('ICC_Profile:'))).toEqual([]);
    // The colour profile stays (its own DeviceModel and ProfileCreator are the profile's, not the camera's).
    if (mediaType !== 'image/heic') expect(after).toMatchObject({ 'ICC_Profile:ColorSpaceData': 'RGB ' });
    expect(await decodedWidth(bytes)).toBe(320);

    const expense = await t.http().get(`/api/cases/${caseId}/expenses/${expenseId}`).set(second.bearer).expect(200);
    expect(expense.body.receipts).toEqual([stored.body]);
  });

  it('stores a PDF as sent, and a file of exactly 10 MB', async () => {
    const { caseId, first, expenseId } = await pendingExpense();
    const pdf = minimalPdf();
    const stored = await upload(caseId, expenseId, first).attach('file', pdf, 'receipt.pdf').expect(201);
    expect(stored.body).toMatchObject({ mediaType: 'application/pdf', sizeBytes: pdf.length, sha256: sha256(pdf) });
    const back = await download(`/api/cases/${caseId}/expenses/${expenseId}/receipts/${stored.body.id}`, first).expect(200);
    expect((back.body as Buffer).equals(pdf)).toBe(true);

    const large = Buffer.alloc(RECEIPT_MAX_BYTES, 0x20);
    pdf.copy(large);
    const big = await upload(caseId, expenseId, first).attach('file', large, 'big.pdf').expect(201);
    expect(big.body.sizeBytes).toBe(RECEIPT_MAX_BYTES);
    const bigBack = await download(`/api/cases/${caseId}/expenses/${expenseId}/receipts/${big.body.id}`, first).expect(200);
    expect(sha256(bigBack.body as Buffer)).toBe(sha256(large));
  });

  it.each<[string, () => Buffer, number, string]>([
    ['an .exe named .pdf', () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(4096, 1)]), 422, 'fileType'],
    ['a text file named .jpg', () => Buffer.from('just some text pretending to be a photo of a receipt, long enough to sniff'), 422, 'fileType'],
    ['a few bytes', () => Buffer.from('%PD'), 422, 'fileType'],
    ['a damaged JPEG (the signature, then noise)', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 0x41)]), 422, 'readableImage'],
    ['one byte over 10 MB', () => Buffer.concat([minimalPdf(), Buffer.alloc(RECEIPT_MAX_BYTES + 1 - minimalPdf().length, 0x20)]), 413, 'maxSize'],
    ['12 MB', () => Buffer.concat([minimalPdf(), Buffer.alloc(12 * 1024 * 1024, 0x20)]), 413, 'maxSize'],
  ])('refuses %s, naming the rule, and stores and records nothing', async (_name, content, status, rule) => {
    const { caseId, first, expenseId } = await pendingExpense();
    const before = await ledgerTail(caseId, first);
    const refused = await upload(caseId, expenseId, first).attach('file', content(), { filename: 'receipt.pdf', contentType: 'application/pdf' }).expect(status);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'file', rule })]);
    expect(await ledgerTail(caseId, first)).toEqual(before);
    expect(await t.query('SELECT count(*)::int AS n FROM receipts r JOIN expenses e ON e.id = r.expense_id WHERE e.case_id = $1', [caseId])).toEqual([{ n: 0 }]);
  });

  it('refuses requests without one file in the field "file"', async () => {
    const { caseId, first, expenseId } = await pendingExpense();
    const none = await upload(caseId, expenseId, first).field('note', 'x').expect(400);
    expect(none.body.details).toEqual([expect.objectContaining({ field: 'file', rule: 'required' })]);
    const wrongField = await upload(caseId, expenseId, first).attach('photo', minimalPdf(), 'r.pdf').expect(400);
    expect(wrongField.body.details).toEqual([expect.objectContaining({ field: 'photo', rule: 'unknownField' })]);
    const json = await upload(caseId, expenseId, first).send({ file: 'JVBERi0=' }).expect(400);
    expect(json.body.details).toEqual([expect.objectContaining({ field: 'file', rule: 'multipart' })]);
  });

  it('lets only the logger add receipts, while the expense waits for approval', async () => {
    const { caseId, first, second, expenseId } = await pendingExpense();
    await upload(caseId, expenseId, second).attach('file', minimalPdf(), 'r.pdf').expect(403);
    await t.http().post(`/api/cases/${caseId}/expenses/${expenseId}/approve`).set(second.bearer).expect(200);
    await upload(caseId, expenseId, first).attach('file', minimalPdf(), 'r.pdf').expect(409);
    await upload(caseId, '00000000-0000-4000-8000-000000000000', first).attach('file', minimalPdf(), 'r.pdf').expect(404);
  });

  it('lets the payer add a proof of payment, downloadable by both parents only', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const { body: payment } = await t.http().post(`/api/cases/${caseId}/payments`).set(second.bearer).send({ amountMinor: 500, currency: 'EUR', paidOn: '2026-03-05', method: 'bank_transfer' }).expect(201);
    const proofUrl = `/api/cases/${caseId}/payments/${payment.id}/proofs`;
    await t.http().post(proofUrl).set(first.bearer).attach('file', minimalPdf(), 'p.pdf').expect(403);
    const proof = await t.http().post(proofUrl).set(second.bearer).attach('file', readFileSync(join(FIXTURES, 'receipt-photo.jpg')), 'p.jpg').expect(201);
    expect(await ledgerTail(caseId, first)).toMatchObject({ type: 'payment.proof_added', payload: { paymentId: payment.id, receiptId: proof.body.id, sha256: proof.body.sha256 } });
    const listed = await t.http().get(`/api/cases/${caseId}/payments`).set(first.bearer).expect(200);
    expect(listed.body.items[0].proofs).toEqual([proof.body]);
    const url = `${proofUrl}/${proof.body.id}`;
    expect(sha256((await download(url, first).expect(200)).body as Buffer)).toBe(proof.body.sha256);
    const other = await createJoinedCase(t);
    const stranger = await registerParent(t, 'Stranger');
    await download(url, other.first).expect(404);
    await download(url, stranger).expect(404);
    await download(url).expect(401);
    await t.http().post(proofUrl).set(other.second.bearer).attach('file', minimalPdf(), 'p.pdf').expect(404);
  });

  it('serves a receipt to the two parents only: not to strangers, parents of other cases, or anyone signed out', async () => {
    const { caseId, first, second, expenseId } = await pendingExpense();
    const { body: receipt } = await upload(caseId, expenseId, first).attach('file', minimalPdf(), 'r.pdf').expect(201);
    const url = `/api/cases/${caseId}/expenses/${expenseId}/receipts/${receipt.id}`;
    await download(url, first).expect(200);
    await download(url, second).expect(200);
    const other = await createJoinedCase(t);
    const stranger = await registerParent(t, 'Stranger');
    for (const outsider of [other.first, other.second, stranger]) {
      await download(url, outsider).expect(404);
      await upload(caseId, expenseId, outsider).attach('file', minimalPdf(), 'r.pdf').expect(404);
    }
    await download(url).expect(401);
    await t.http().post(`/api/cases/${caseId}/expenses/${expenseId}/receipts`).attach('file', minimalPdf(), 'r.pdf').expect(401);
    // A receipt id under another expense of the same case is not found.
    const { body: another } = await t.http().post(`/api/cases/${caseId}/expenses`).set(first.bearer).send(EXPENSE).expect(201);
    await download(`/api/cases/${caseId}/expenses/${another.id}/receipts/${receipt.id}`, first).expect(404);
  });
});
