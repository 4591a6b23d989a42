import { DEFAULT_CASE_TERMS } from '../cadence';
import type { LedgerEntryType, LedgerPayloads } from './events';
import { nextLedgerEntry, type OpenLedgerEntry } from './ledger-entry';
import { checkQueryModel, type RecordQueryModel } from './query-model';
import { isSealedFor } from './views';

const CASE_ID = 'case-1';
const DANA = 'user-dana';
const ALEX = 'user-alex';
const JANE = { grantId: 'g1', name: 'Jane Smith', role: 'lawyer' } as const;

type Fields = { [T in LedgerEntryType]: { type: T; actorId: string | null; payload: LedgerPayloads[T] } }[LedgerEntryType];

function chainOf(stories: Fields[]): OpenLedgerEntry[] {
  const chain: OpenLedgerEntry[] = [];
  stories.forEach((fields, index) => {
    const at = new Date(Date.UTC(2026, 2, 2, 9, index)).toISOString();
    chain.push(nextLedgerEntry(chain.at(-1) ?? null, { caseId: CASE_ID, at, salt: `s${index}`, ...fields }) as OpenLedgerEntry);
  });
  return chain;
}
const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();

/** Dana gives her lawyer access; the lawyer opens the record and exports it; Dana ends the access. */
const chain = chainOf([
  { type: 'case.created', actorId: DANA, payload: { name: 'Noor', timeZone: 'Europe/London', children: ['Noor'], terms: DEFAULT_CASE_TERMS } },
  { type: 'case.joined', actorId: ALEX, payload: { userId: ALEX, displayName: 'Alex', invitationId: 'inv-1' } },
  { type: 'professional_access.granted', actorId: DANA, payload: { grantId: 'g1', role: 'lawyer', name: 'Jane Smith', email: 'jane@law.example', expiresAt: '2026-04-01T09:00:00.000Z' } },
  { type: 'professional_access.viewed', actorId: null, payload: { ...JANE, visitId: 'v1' } },
  { type: 'export.made', actorId: null, payload: { exportId: 'x1', from: null, to: null, sections: ['messages'], keyFingerprint: 'SHA256:k', professional: JANE } },
  { type: 'export.made', actorId: ALEX, payload: { exportId: 'x2', from: '2026-03-01', to: null, sections: [], keyFingerprint: 'SHA256:k' } },
  { type: 'professional_access.revoked', actorId: DANA, payload: { grantId: 'g1', name: 'Jane Smith', role: 'lawyer' } },
]);

function model(): RecordQueryModel {
  return {
    caseRow: { name: 'Noor', timeZone: 'Europe/London', children: ['Noor'], terms: { urgentPer30Days: 3, showReadTimes: true, split: { firstParentBasisPoints: 5000 } } },
    members: [{ userId: DANA }, { userId: ALEX }],
    invitations: [],
    messages: [],
    heldBack: [],
    proposals: [],
    inboxTerms: [{ ledgerSeq: 1, userId: null, cadence: { mode: 'immediate' }, dailyQuota: 5, requestedAt: at(0), effectiveAt: at(0) }],
    exports: [
      { id: 'x1', requestedBy: null, grantId: 'g1', ledgerSeq: 5, rangeFrom: null, rangeTo: null, sections: ['messages'], keyFingerprint: 'SHA256:k', createdAt: at(4) },
      { id: 'x2', requestedBy: ALEX, grantId: null, ledgerSeq: 6, rangeFrom: '2026-03-01', rangeTo: null, sections: [], keyFingerprint: 'SHA256:k', createdAt: at(5) },
    ],
    professionalAccess: {
      grants: [
        {
          id: 'g1',
          grantedBy: DANA,
          role: 'lawyer',
          name: 'Jane Smith',
          email: 'jane@law.example',
          expiresAt: '2026-04-01T09:00:00.000Z',
          grantedAt: at(2),
          ledgerSeq: 3,
          revokedAt: at(6),
          revokedBy: DANA,
        },
      ],
      visits: [{ id: 'v1', grantId: 'g1', openedAt: at(3), ledgerSeq: 4 }],
    },
  };
}

describe('checkQueryModel: professional access, its visits and exports', () => {
  it('agrees when the tables say what the record says', () => {
    expect(checkQueryModel(chain, model())).toEqual({ consistent: true });
  });

  // prettier-ignore
  it.each<[string, (m: RecordQueryModel) => void, object]>([
    ['a longer access', (m) => { m.professionalAccess!.grants[0]!.expiresAt = '2026-05-01T09:00:00.000Z'; }, { seq: 3, table: 'professional_access_grants', id: 'g1', field: 'expiresAt' }],
    ['another address', (m) => { m.professionalAccess!.grants[0]!.email = 'someone@else.example'; }, { seq: 3, field: 'email' }],
    ['an ended access made open again', (m) => { m.professionalAccess!.grants[0]!.revokedAt = null; }, { seq: 7, field: 'revokedAt' }],
    ['ended by the other parent', (m) => { m.professionalAccess!.grants[0]!.revokedBy = ALEX; }, { seq: 7, field: 'revokedBy' }],
    ['a visit no entry records', (m) => { m.professionalAccess!.visits.push({ id: 'v2', grantId: 'g1', openedAt: at(5), ledgerSeq: 6 }); }, { seq: null, table: 'professional_visits', id: 'v2' }],
    ['a visit gone from its table', (m) => { m.professionalAccess!.visits.length = 0; }, { seq: 4, table: 'professional_visits', id: 'v1', field: 'id' }],
    ["a professional's export put on a parent", (m) => { m.exports![0] = { ...m.exports![0]!, requestedBy: DANA, grantId: null }; }, { seq: 5, table: 'exports', id: 'x1' }],
    ["an export's range changed", (m) => { m.exports![1]!.rangeTo = '2026-03-31'; }, { seq: 6, table: 'exports', id: 'x2', field: 'rangeTo' }],
  ])('names %s', (_name, alter, found) => {
    const altered = model();
    alter(altered);
    expect(checkQueryModel(chain, altered)).toMatchObject({ consistent: false, ...found });
  });

  it('leaves the tables alone when a reader gives none (as for the schedule and expenses)', () => {
    const { exports: _exports, professionalAccess: _access, ...older } = model();
    expect(checkQueryModel(chain, older)).toEqual({ consistent: true });
  });

  it('seals none of it for either parent', () => {
    for (const entry of chain.slice(2)) {
      for (const userId of [DANA, ALEX]) expect(isSealedFor(entry, { userId, unreleasedMessageIds: new Set(), revealHeldBack: false })).toBe(false);
    }
  });
});
