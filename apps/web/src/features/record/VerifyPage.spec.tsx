import { canonicalJson, nextLedgerEntry, publicKeyFingerprint, type OpenLedgerEntry } from '@parallel/domain';
import { fireEvent, render, screen } from '@testing-library/react';
import { strToU8, zipSync } from 'fflate';
import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { VerifyPage } from './VerifyPage';

const CASE_ID = '7d1f1f5e-0000-4000-8000-000000000001';
const { privateKey } = generateKeyPairSync('ed25519');
const pem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A bundle as the server writes it (three entries), with `alter` applied to its ledger afterwards. */
function bundle(alter: (ledger: string) => string = (ledger) => ledger): File {
  const entries: OpenLedgerEntry[] = [];
  for (let index = 0; index < 3; index++) {
    entries.push(
      nextLedgerEntry(entries.at(-1) ?? null, {
        caseId: CASE_ID,
        at: `2026-03-01T09:0${index}:00.000Z`,
        type: 'message.held_back',
        actorId: 'a',
        payload: { attemptId: `h${index}`, topic: 'other', text: `Answer me ${index}`, urgent: false, reason: 'quota_exceeded', retryAt: null },
        salt: String(index).padStart(32, '0'),
      }),
    );
  }
  const ledger = strToU8(`${entries.map((entry) => canonicalJson(entry)).join('\n')}\n`);
  const pdf = strToU8('%PDF-1.7');
  const manifest = strToU8(
    JSON.stringify({
      format: 'parallel-record-bundle',
      formatVersion: 1,
      recordFormat: 1,
      exportId: 'e',
      caseId: CASE_ID,
      head: { seq: 3, hash: entries[2]!.hash },
      range: { from: null, to: null, timeZone: 'Europe/London' },
      sections: [],
      generatedAt: '2026-03-02T00:00:00.000Z',
      files: [
        { name: 'ledger.jsonl', sha256: sha(ledger), bytes: ledger.length },
        { name: 'record.pdf', sha256: sha(pdf), bytes: pdf.length },
      ],
      publicKey: { algorithm: 'Ed25519', pem, fingerprint: publicKeyFingerprint(pem) },
    }),
  );
  const zip = zipSync({ 'ledger.jsonl': strToU8(alter(new TextDecoder().decode(ledger))), 'record.pdf': pdf, 'manifest.json': manifest, 'manifest.sig': new Uint8Array(sign(null, manifest, privateKey)) });
  return new File([zip], 'record-7d1f1f5e-3.zip', { type: 'application/zip' });
}

function choose(file: File) {
  render(
    <MemoryRouter>
      <VerifyPage />
    </MemoryRouter>,
  );
  fireEvent.change(screen.getByLabelText('The exported file (.zip)'), { target: { files: [file] } });
}

describe('VerifyPage', () => {
  it('says a bundle is valid, with its entries and key, without sending it anywhere', async () => {
    choose(bundle());
    expect(await screen.findByRole('heading', { name: 'Valid: complete and unaltered' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/3 entries of case 7d1f1f5e-0000-4000-8000-000000000001, up to entry 3/)).toBeTruthy();
    expect(screen.getByText(publicKeyFingerprint(pem))).toBeTruthy();
  });

  it('names the first altered entry', async () => {
    choose(bundle((ledger) => ledger.replace('Answer me 1', 'Answer me!1')));
    expect(await screen.findByRole('heading', { name: 'Not valid: first problem at entry 2' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/entry 2 was altered/)).toBeTruthy();
  });

  it('says calmly when the file is not a zip', async () => {
    choose(new File(['hello'], 'notes.txt'));
    expect(await screen.findByText(/the file is not a readable zip/, undefined, { timeout: 5000 })).toBeTruthy();
  });
});
