import { DEFAULT_CASE_TERMS, sharedTermsOf } from '../cadence';
import type { LedgerEntryType, LedgerPayloads } from './events';
import { nextLedgerEntry, type OpenLedgerEntry } from './ledger-entry';
import { checkQueryModel, type RecordQueryModel } from './query-model';

const CASE_ID = 'case-1';
const DANA = 'user-dana';
const ALEX = 'user-alex';
const WINDOWS = { mode: 'windows' as const, windows: [{ weekday: 1 as const, time: '18:00' }, { weekday: 4 as const, time: '18:00' }] };

type Fields = { [T in LedgerEntryType]: { type: T; actorId: string | null; payload: LedgerPayloads[T] } }[LedgerEntryType];

function chainOf(stories: Fields[]): OpenLedgerEntry[] {
  const chain: OpenLedgerEntry[] = [];
  stories.forEach((fields, index) => {
    const at = new Date(Date.UTC(2026, 2, 2, 9, index)).toISOString();
    chain.push(nextLedgerEntry(chain.at(-1) ?? null, { caseId: CASE_ID, at, salt: `s${index}`, ...fields }) as OpenLedgerEntry);
  });
  return chain;
}

/** Created with the defaults; a proposal from before inbox terms, accepted with complete terms; Alex's own inbox terms. */
const chain = chainOf([
  { type: 'case.created', actorId: DANA, payload: { name: 'Noor', timeZone: 'Europe/London', children: ['Noor'], terms: DEFAULT_CASE_TERMS } },
  { type: 'case.joined', actorId: ALEX, payload: { userId: ALEX, displayName: 'Alex', invitationId: 'inv-1' } },
  { type: 'terms.proposed', actorId: ALEX, payload: { proposalId: 'p1', changes: { dailyQuota: 3 } } },
  { type: 'terms.accepted', actorId: DANA, payload: { proposalId: 'p1', terms: { ...DEFAULT_CASE_TERMS, dailyQuota: 3 } } },
  { type: 'terms.proposed', actorId: ALEX, payload: { proposalId: 'p2', changes: { showReadTimes: false } } },
  { type: 'terms.accepted', actorId: DANA, payload: { proposalId: 'p2', terms: { ...sharedTermsOf(DEFAULT_CASE_TERMS), showReadTimes: false } } },
  { type: 'inbox_terms.changed', actorId: ALEX, payload: { userId: ALEX, cadence: WINDOWS, dailyQuota: 4, effectiveAt: '2026-03-03T09:06:00.000Z' } },
]);
const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();

function model(): RecordQueryModel {
  return {
    caseRow: { name: 'Noor', timeZone: 'Europe/London', children: ['Noor'], terms: { ...sharedTermsOf(DEFAULT_CASE_TERMS), showReadTimes: false } },
    members: [{ userId: DANA }, { userId: ALEX }],
    invitations: [],
    messages: [],
    heldBack: [],
    proposals: [
      { id: 'p1', proposedBy: ALEX, changes: { dailyQuota: 3 }, status: 'accepted', createdAt: at(2), decidedAt: at(3), decidedBy: DANA },
      { id: 'p2', proposedBy: ALEX, changes: { showReadTimes: false }, status: 'accepted', createdAt: at(4), decidedAt: at(5), decidedBy: DANA },
    ],
    inboxTerms: [
      { ledgerSeq: 1, userId: null, cadence: { mode: 'immediate' }, dailyQuota: 5, requestedAt: at(0), effectiveAt: at(0) },
      { ledgerSeq: 4, userId: null, cadence: { mode: 'immediate' }, dailyQuota: 3, requestedAt: at(3), effectiveAt: at(3) },
      { ledgerSeq: 7, userId: ALEX, cadence: WINDOWS, dailyQuota: 4, requestedAt: at(6), effectiveAt: '2026-03-03T09:06:00.000Z' },
    ],
  };
}

describe('checkQueryModel: inbox terms and the shared terms of the case row', () => {
  it('agrees when the case row holds the shared terms and inbox terms come from creation, older complete terms and changes', () => {
    expect(checkQueryModel(chain, model())).toEqual({ consistent: true });
  });

  it('names a changed quota with its entry', () => {
    const altered = model();
    altered.inboxTerms[2] = { ...altered.inboxTerms[2]!, dailyQuota: 50 };
    expect(checkQueryModel(chain, altered)).toEqual({ consistent: false, seq: 7, table: 'inbox_terms_changes', id: '7', field: 'dailyQuota' });
  });

  it('names a moved effective time', () => {
    const altered = model();
    altered.inboxTerms[2] = { ...altered.inboxTerms[2]!, effectiveAt: at(6) };
    expect(checkQueryModel(chain, altered)).toMatchObject({ consistent: false, seq: 7, field: 'effectiveAt' });
  });

  it('names a missing row and a row no entry made', () => {
    const missing = model();
    missing.inboxTerms.splice(1, 1);
    expect(checkQueryModel(chain, missing)).toMatchObject({ consistent: false, seq: 4, table: 'inbox_terms_changes', id: '4', field: 'id' });
    const invented = model();
    invented.inboxTerms.push({ ledgerSeq: 6, userId: DANA, cadence: { mode: 'immediate' }, dailyQuota: 2, requestedAt: at(5), effectiveAt: at(5) });
    expect(checkQueryModel(chain, invented)).toMatchObject({ consistent: false, seq: null, table: 'inbox_terms_changes', id: '6' });
  });

  it('expects no cadence or quota in the case row', () => {
    const altered = model();
    altered.caseRow.terms = { ...DEFAULT_CASE_TERMS, showReadTimes: false };
    expect(checkQueryModel(chain, altered)).toMatchObject({ consistent: false, table: 'cases', field: 'terms' });
  });
});
