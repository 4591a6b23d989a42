import { nextLedgerEntry, sealLedgerEntry, type LedgerEntry as DomainEntry } from '@parallel/domain';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../api/types';
import { alex, CASE_ID, caseDetail, sam } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { CannedAnswer, TestApi } from '../../test/testApi';
import { browserCheckInWords, entryInWords } from './recordInWords';

const ALEX = '3f0c9a52-0000-4000-8000-00000000000a';
const SAM = '3f0c9a52-0000-4000-8000-00000000000b';
const parents = [
  { userId: ALEX, displayName: 'Alex', role: 'parent' as const, joinedAt: '2026-03-01T08:00:00.000Z' },
  { userId: SAM, displayName: 'Sam', role: 'parent' as const, joinedAt: '2026-03-02T08:00:00.000Z' },
];
const salt = (n: number) => n.toString(16).padStart(32, '0');

/** A real chain of record format 1, as the API would answer it for Sam (the held-back attempt sealed). */
function chain(): DomainEntry[] {
  const created = nextLedgerEntry(null, {
    caseId: CASE_ID,
    at: '2026-03-01T08:00:00.000Z',
    type: 'case.created',
    actorId: ALEX,
    salt: salt(1),
    payload: {
      name: 'Mia and Leo',
      timeZone: 'Europe/Berlin',
      children: ['Mia', 'Leo'],
      terms: {
        cadence: { mode: 'immediate' },
        dailyQuota: 3,
        urgentPer30Days: 2,
        showReadTimes: true,
        split: { firstParentBasisPoints: 5000 },
      },
    },
  });
  const sent = nextLedgerEntry(created, {
    caseId: CASE_ID,
    at: '2026-03-05T17:00:00.000Z',
    type: 'message.sent',
    actorId: SAM,
    salt: salt(2),
    payload: {
      messageId: 'm1',
      recipientId: ALEX,
      topic: 'school',
      text: 'Parents evening on Thursday at 17:30.',
      urgent: false,
      deliverAt: '2026-03-05T17:00:00.000Z',
    },
  });
  const heldBack = nextLedgerEntry(sent, {
    caseId: CASE_ID,
    at: '2026-03-05T19:00:00.000Z',
    type: 'message.held_back',
    actorId: ALEX,
    salt: salt(3),
    payload: {
      attemptId: 'a1',
      topic: 'other',
      text: 'Answer me now.',
      urgent: false,
      reason: 'quota_exceeded',
      retryAt: '2026-03-05T23:00:00.000Z',
    },
  });
  return [created, sent, sealLedgerEntry(heldBack)];
}

const reader = { userId: SAM, parents, timeZone: 'Europe/Berlin' };

describe('the record in words', () => {
  it('writes each entry as a sentence in the case’s zone, the reader as "you", a sealed entry as the neutral sentence', () => {
    const [created, sent, sealed] = chain().map((entry) => entryInWords(entry as LedgerEntry, reader));
    expect(created?.when).toBe('Sun 1 Mar 2026, 09:00 (Europe/Berlin)');
    expect(created?.sentence).toMatch(
      /^Alex created the case "Mia and Leo" in the time zone Europe\/Berlin, for Mia and Leo/,
    );
    expect(sent?.sentence).toBe('You sent Alex a message about school, delivered at once.');
    expect(sent?.text).toBe('Parents evening on Thursday at 17:30.');
    expect(sealed).toMatchObject({
      sealed: true,
      text: null,
      sentence: 'An entry whose content is not shown in this view; it still counts when the record is verified.',
    });
  });

  it('names an entry of an unknown kind instead of guessing', () => {
    const [created] = chain();
    const unknown = { ...created, type: 'something.new' } as unknown as LedgerEntry;
    expect(entryInWords(unknown, reader).sentence).toMatch(
      /a kind this page cannot put into words yet \("something.new"\)/,
    );
  });

  it('says a verification in plain words: whole, or where trust ends', () => {
    expect(browserCheckInWords({ valid: true, count: 214, sealedCount: 3, headSeq: 214, headHash: 'h' })).toEqual({
      tone: 'done',
      sentence: 'Verified in this browser: 214 entries, unaltered.',
      detail: '3 entries are sealed in your view and were checked by their hashes alone.',
    });
    expect(
      browserCheckInWords({
        valid: false,
        count: 9,
        firstBadSeq: 7,
        reason: 'entry 7 was altered: its content no longer matches its body hash',
      }),
    ).toEqual({
      tone: 'attention',
      sentence:
        'Not verified in this browser: the first entry that fails is entry 7 (entry 7 was altered: its content no longer matches its body hash).',
      detail: 'Entries 1 to 6 are proven to be as they were written; nothing from entry 7 on is proven.',
    });
  });
});

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

function answers(entries: readonly DomainEntry[], head: { seq: number; hash: string }): Record<string, CannedAnswer> {
  const detail = caseDetail({ parents, ledgerHead: head });
  return {
    [`GET /api/cases/${CASE_ID}`]: { status: 200, body: detail },
    [`GET /api/cases/${CASE_ID}/ledger?limit=1000`]: { status: 200, body: { items: entries, nextCursor: null } },
    [`GET /api/cases/${CASE_ID}/ledger?limit=1000&revealHeldBack=true`]: {
      status: 200,
      body: { items: entries, nextCursor: null },
    },
    [`GET /api/cases/${CASE_ID}/ledger/verify`]: {
      status: 200,
      body: { valid: true, count: entries.length, sealedCount: 1, headSeq: head.seq, headHash: head.hash },
    },
    [`GET /api/cases/${CASE_ID}/professional-access`]: { status: 200, body: { items: [] } },
  };
}

describe('RecordPage', () => {
  it('verifies the chain in the browser against the case’s head and shows the server’s check beside it', async () => {
    const entries = chain();
    const last = entries.at(-1)!;
    api = await renderApp(`/cases/${CASE_ID}/record`, answers(entries, { seq: last.seq, hash: last.hash }), {
      ...sam,
      id: SAM,
    });

    expect(await screen.findByText('Verified in this browser: 3 entries, unaltered.')).toBeTruthy();
    expect(screen.getByText('1 entry is sealed in your view and was checked by its hash alone.')).toBeTruthy();
    expect(
      await screen.findByText("Checked by Parallel's server: 3 entries, unaltered, ending at the case's head."),
    ).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Entries' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).getByText('You sent Alex a message about school, delivered at once.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Record' })).toBeTruthy();
  });

  it('names the first bad entry when an entry was altered after it was written', async () => {
    const entries = chain();
    const last = entries.at(-1)!;
    const sent = entries[1] as Extract<DomainEntry, { type: 'message.sent' }>;
    const altered = [entries[0]!, { ...sent, payload: { ...sent.payload, text: 'Parents evening on Friday.' } }, last];
    api = await renderApp(`/cases/${CASE_ID}/record`, answers(altered, { seq: last.seq, hash: last.hash }), {
      ...sam,
      id: SAM,
    });

    expect(
      await screen.findByText(
        'Not verified in this browser: the first entry that fails is entry 2 (entry 2 was altered: its content no longer matches its body hash).',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('Entry 1 is proven to be as it was written; nothing from entry 2 on is proven.'),
    ).toBeTruthy();
  });

  it('notices a record cut short of the case’s head', async () => {
    const entries = chain();
    api = await renderApp(
      `/cases/${CASE_ID}/record`,
      answers(entries.slice(0, 2), { seq: 3, hash: entries[2]!.hash }),
      { ...sam, id: SAM },
    );
    expect(
      await screen.findByText(
        /Not verified in this browser: the first entry that fails is entry 3 \(the case's head is entry 3/,
      ),
    ).toBeTruthy();
  });

  it('asks for the held-back attempts only when the parent chooses to see them', async () => {
    const entries = chain();
    const last = entries.at(-1)!;
    api = await renderApp(`/cases/${CASE_ID}/record`, answers(entries, { seq: last.seq, hash: last.hash }), {
      ...alex,
      id: ALEX,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Show the held-back attempts' }));
    await screen.findByRole('button', { name: 'Seal them again' });
    expect(api.requests.map((request) => request.url)).toContain(
      `/api/cases/${CASE_ID}/ledger?limit=1000&revealHeldBack=true`,
    );
  });
});
