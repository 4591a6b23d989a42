import type { Case, User } from '../api/types';

export const alex: User = { id: 'u1', email: 'alex@example.org', displayName: 'Alex' };
export const sam: User = { id: 'u2', email: 'sam@example.org', displayName: 'Sam' };

export const CASE_ID = '6f1c2f0e-8d2a-4a8e-9a57-3b1f2c4d5e6f';

/** A case as GET /api/cases/:caseId answers it, with both parents unless told otherwise. */
export function caseDetail(overrides: Partial<Case> = {}): Case {
  return {
    id: CASE_ID,
    name: 'Mia and Leo',
    timeZone: 'Europe/Berlin',
    children: ['Mia', 'Leo'],
    parents: [
      { userId: alex.id, displayName: 'Alex', role: 'parent', joinedAt: '2026-03-01T08:00:00.000Z' },
      { userId: sam.id, displayName: 'Sam', role: 'parent', joinedAt: '2026-03-01T08:00:00.000Z' },
    ],
    createdAt: '2026-03-01T08:00:00.000Z',
    terms: {
      urgentPer30Days: 2,
      showReadTimes: false,
      split: { firstParentBasisPoints: 6000 },
    },
    pendingInvitation: null,
    ledgerHead: { seq: 3, hash: 'a'.repeat(64) },
    ...overrides,
  };
}
