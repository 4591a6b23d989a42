import { canonicalJson, nextLedgerEntry, publicKeyFingerprint, type ExportManifest, type OpenLedgerEntry } from '@parallel/domain';
import { strToU8, zipSync } from 'fflate';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip, runVerify } from './record-verify';

const CASE_ID = '7d1f1f5e-0000-4000-8000-000000000001';
const SCRIPT = join(__dirname, '../../verify-with-standard-tools.sh');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function chain(count: number): OpenLedgerEntry[] {
  const entries: OpenLedgerEntry[] = [];
  const texts = ['Pick-up at 17:00.', 'שלום, מחר בשעה 9', 'مرحبا 🙂', 'Tab\tquote " backslash \\ newline\n end', 'é — 学 \u2028'];
  for (let index = 0; index < count; index++) {
    entries.push(
      nextLedgerEntry(entries.at(-1) ?? null, {
        caseId: CASE_ID,
        at: new Date(Date.UTC(2026, 2, 1, 9, index)).toISOString(),
        type: 'message.sent',
        actorId: 'b1c1f5e0-0000-4000-8000-000000000002',
        payload: { messageId: `m${index}`, recipientId: 'r', topic: 'school', text: texts[index % texts.length]!, urgent: index % 2 === 0, deliverAt: '2026-03-01T09:00:00.000Z' },
        salt: index.toString(16).padStart(32, '0'),
      }),
    );
  }
  return entries;
}

/** A bundle as the server writes it: canonical lines, the manifest pretty-printed, signed. */
function bundle(entries: readonly OpenLedgerEntry[], options: { signer?: KeyObject; key?: KeyObject; lines?: (lines: string[]) => string[]; pdf?: Uint8Array } = {}): Uint8Array {
  const key = options.key ?? KEY;
  const lines = entries.map((entry) => canonicalJson(entry));
  const ledger = strToU8(`${(options.lines ?? ((l) => l))(lines).join('\n')}\n`);
  // The manifest always states the PDF as made; `options.pdf` replaces it afterwards.
  const made = strToU8('%PDF-1.7\n% a record\n');
  const pdf = options.pdf ?? made;
  const pem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  const last = entries.at(-1)!;
  const manifest: ExportManifest = {
    format: 'parallel-record-bundle',
    formatVersion: 1,
    recordFormat: 1,
    exportId: 'e',
    caseId: CASE_ID,
    head: { seq: last.seq, hash: last.hash },
    range: { from: null, to: null, timeZone: 'Europe/London' },
    sections: ['messages'],
    generatedAt: '2026-03-02T10:00:00.000Z',
    files: [
      { name: 'ledger.jsonl', sha256: sha(ledger), bytes: ledger.length },
      { name: 'record.pdf', sha256: sha(made), bytes: made.length },
    ],
    publicKey: { algorithm: 'Ed25519', pem, fingerprint: publicKeyFingerprint(pem) },
  };
  const manifestBytes = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  return zipSync({
    'ledger.jsonl': ledger,
    'record.pdf': pdf,
    'manifest.json': manifestBytes,
    'manifest.sig': new Uint8Array(sign(null, manifestBytes, options.signer ?? key)),
  });
}

const KEY = generateKeyPairSync('ed25519').privateKey;
const OTHER = generateKeyPairSync('ed25519').privateKey;
const ENTRIES = chain(8);

function file(bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'record-verify-')), 'bundle.zip');
  writeFileSync(path, bytes);
  return path;
}

async function cli(bytes: Uint8Array, ...args: string[]): Promise<{ code: number; line: string }> {
  let line = '';
  const code = await runVerify([file(bytes), ...args], (printed) => (line = printed));
  return { code, line };
}

const swap = (lines: string[], a: number, b: number) => {
  const copy = [...lines];
  [copy[a], copy[b]] = [copy[b]!, copy[a]!];
  return copy;
};

/** The bad bundles every verifier must refuse, with what it must name. */
const TAMPERED: [string, () => Uint8Array, RegExp][] = [
  ['one changed byte in an entry’s text', () => bundle(ENTRIES, { lines: (l) => l.map((line, i) => (i === 5 ? line.replace('Pick-up', 'Pick-uP') : line)) }), /entry 6/],
  ['one changed byte in an entry’s time', () => bundle(ENTRIES, { lines: (l) => l.map((line, i) => (i === 2 ? line.replace('T09:02', 'T09:03') : line)) }), /entry 3/],
  ['a deleted entry', () => bundle(ENTRIES, { lines: (l) => l.filter((_, i) => i !== 3) }), /entry 4/],
  ['a reordered pair', () => bundle(ENTRIES, { lines: (l) => swap(l, 5, 6) }), /entry 6/],
  ['a changed PDF', () => bundle(ENTRIES, { pdf: strToU8('%PDF-1.7\n% a recorD\n') }), /record\.pdf/],
  ['a manifest signed by another key', () => bundle(ENTRIES, { signer: OTHER }), /manifest\.sig/],
];

describe('npm run -s verify', () => {
  it('says VALID and exits 0 for an untouched bundle', async () => {
    const { code, line } = await cli(bundle(ENTRIES));
    expect(code).toBe(0);
    expect(line).toMatch(/^VALID: 8 entries of case 7d1f1f5e-0000-4000-8000-000000000001 up to entry 8 \([0-9a-f]{64}\), 2 files, signed by SHA256:[0-9a-f]{64}$/);
    expect([...readZip(bundle(ENTRIES)).keys()].sort()).toEqual(['ledger.jsonl', 'manifest.json', 'manifest.sig', 'record.pdf']);
  });

  it.each(TAMPERED)('finds %s, names it and exits 1', async (_name, make, named) => {
    const { code, line } = await cli(make());
    expect(code).toBe(1);
    expect(line).toMatch(/^NOT VALID \(first problem: /);
    expect(/first problem: ([^)]*)\)/.exec(line)?.[1]).toMatch(named);
  });

  it('refuses a bundle signed by a key other than the one it is told to expect', async () => {
    const selfSigned = bundle(ENTRIES, { key: OTHER });
    expect((await cli(selfSigned)).code).toBe(0);
    const expected = publicKeyFingerprint(createPublicKey(KEY).export({ type: 'spki', format: 'pem' }).toString());
    const pinned = await cli(selfSigned, '--key', expected);
    expect(pinned.code).toBe(1);
    expect(pinned.line).toContain(`not by the expected key ${expected}`);
  });

  it('explains its use, a missing file and a file that is not a zip', async () => {
    const lines: string[] = [];
    expect(await runVerify([], (line) => lines.push(line))).toBe(2);
    expect(await runVerify(['/nonexistent/bundle.zip'], (line) => lines.push(line))).toBe(2);
    expect(await runVerify([file(strToU8('not a zip'))], (line) => lines.push(line))).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^usage:/),
      expect.stringMatching(/^CANNOT CHECK: .* cannot be read \(ENOENT\)/),
      expect.stringMatching(/^NOT VALID .*not a readable zip/),
    ]);
  });
});

const tools = ['unzip', 'jq', 'sha256sum', 'openssl'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
const describeWithTools = tools.length === 0 ? describe : describe.skip;

describeWithTools(`the walk-through with standard tools only (tools/verify-with-standard-tools.sh)${tools.length ? `: skipped, ${tools.join(', ')} missing` : ''}`, () => {
  const run = (bytes: Uint8Array, ...args: string[]) => spawnSync('bash', [SCRIPT, file(bytes), ...args], { encoding: 'utf8' });

  it('agrees that an untouched bundle is valid (texts with tabs, quotes, Hebrew, Arabic, emoji, U+2028)', () => {
    const result = run(bundle(ENTRIES));
    expect(result.stdout).toMatch(/^VALID: 8 entries/);
    expect(result.status).toBe(0);
    const pinned = publicKeyFingerprint(createPublicKey(KEY).export({ type: 'spki', format: 'pem' }).toString());
    expect(run(bundle(ENTRIES), pinned).status).toBe(0);
    expect(run(bundle(ENTRIES, { key: OTHER }), pinned).stdout).toMatch(/not by the expected key/);
  });

  it.each(TAMPERED)('finds %s and names it', (_name, make, named) => {
    const result = run(make());
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^NOT VALID: /);
    expect(result.stdout).toMatch(named);
  });

  it('uses no code of ours: only unzip, jq, sha256sum, openssl and the shell', () => {
    const script = execFileSync('cat', [SCRIPT], { encoding: 'utf8' });
    expect(script).not.toMatch(/\bnode\b|\bnpm\b|\bpython/);
  });
});
