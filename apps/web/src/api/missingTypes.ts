// Answers the web reads that `./types.ts` does not name yet. Local on purpose, and kept
// here in one place: when the contract generated from the API's OpenAPI document names
// them, import them from there and delete this file.
import type { CaseTerms } from '@parallel/domain';
import type { Case } from './types';

/** GET /api/cases/:caseId: the case as its list entry shows it, plus its terms and pending invitation. */
export interface CaseDetail extends Case {
  /** The terms in force. Optional: read defensively until the contract is generated. */
  terms?: CaseTerms;
  /** The invitation to the second parent that is still waiting, if any. */
  pendingInvitation?: { email: string; expiresAt: string } | null;
}
