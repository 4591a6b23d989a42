import type { ApiClient } from '../../api/client';
import type { components } from '../../api/contract.gen';
import type { Proposal } from '../../api/types';

type Schemas = components['schemas'];

// The terms screens' shapes, straight from the contract generated from the API's OpenAPI document.
export type CaseSettings = Schemas['CaseSettingsDto'];
export type Inbox = Schemas['InboxDto'];
export type InboxTerms = Schemas['InboxTermsDto'];
export type PendingInboxTerms = Schemas['PendingInboxTermsDto'];
export type InboxTermsChange = Schemas['InboxTermsChangeDto'];
export type SharedTerms = Schemas['SharedTermsDto'];
export type SharedTermsChanges = Schemas['SharedTermsChangesDto'];

function casePath(caseId: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}`;
}

/** Both parents' inbox terms (in force, and a change waiting), the shared terms and the proposal waiting. */
export function getSettings(api: ApiClient, caseId: string): Promise<CaseSettings> {
  return api.send('GET', `${casePath(caseId)}/settings`);
}

/** Sets the terms of the caller's own inbox: announced at once, in force 24 hours later. */
export function setInboxTerms(api: ApiClient, caseId: string, terms: InboxTerms): Promise<InboxTermsChange> {
  return api.send('PUT', `${casePath(caseId)}/inbox-terms`, terms);
}

export function proposeSharedTerms(api: ApiClient, caseId: string, changes: SharedTermsChanges): Promise<Proposal> {
  return api.send('POST', `${casePath(caseId)}/proposals`, { changes });
}

export type ProposalAnswer = 'accept' | 'decline' | 'withdraw';

export function answerProposal(
  api: ApiClient,
  caseId: string,
  proposalId: string,
  answer: ProposalAnswer,
): Promise<Proposal> {
  return api.send('POST', `${casePath(caseId)}/proposals/${encodeURIComponent(proposalId)}/${answer}`);
}
