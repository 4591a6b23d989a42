// The shapes of the HTTP API, under the names the web uses. Every one comes from
// ./contract.gen.ts, generated from the API's OpenAPI document (`npm run contract`):
// nothing here is copied by hand, so the web cannot drift from what the API answers.
import type { components } from './contract.gen';

type Schemas = components['schemas'];

// Accounts
export type User = Schemas['UserDto'];
export type AuthResult = Schemas['SignedInDto'];
export type NewAccount = Schemas['RegisterDto'];
export type Credentials = Schemas['LoginDto'];
export type Health = Schemas['HealthDto'];

// Cases and invitations
export type Case = Schemas['CaseDto'];
export type CaseView = Case;
export type CaseList = Schemas['CaseListDto'];
export type CaseParent = Schemas['CaseParentDto'];
export type NewCase = Schemas['CreateCaseDto'];
export type SentInvitation = Schemas['InvitationDto'];
export type InvitationPreview = Schemas['InvitationPreviewDto'];

// Terms and proposals
export type CaseTerms = Schemas['CaseTermsDto'];
export type Cadence = CaseTerms['cadence'];
export type DeliveryWindow = Schemas['DeliveryWindowDto'];
export type TermsChanges = Schemas['TermsChangesDto'];
export type Proposal = Schemas['ProposalDto'];
export type ProposalStatus = Schemas['ProposalStatus'];
export type CaseSettings = Schemas['CaseSettingsDto'];

// Messages
export type Message = Schemas['MessageDto'];
export type MessageTopic = Schemas['MessageTopic'];
export type MessageStatus = Schemas['MessageStatus'];
export type NewMessage = Schemas['SendMessageDto'];
export type Thread = Schemas['ThreadDto'];
export type HeldBack = Schemas['HeldBackDto'];
export type HeldBackReason = Schemas['HeldBackReason'];
/** The refusal of a held-back send (429 over a limit, 422 when urgent is off). */
export type HeldBackError = Schemas['HeldBackErrorDto'];

// The case record
export type LedgerEntry = Schemas['OpenLedgerEntryDto'] | Schemas['SealedLedgerEntryDto'];
export type LedgerPage = Schemas['LedgerPageDto'];
export type LedgerVerification = Schemas['ValidChainDto'] | Schemas['BrokenChainDto'];

/** A page of a list: `nextCursor` is passed back as `cursor`; null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** One failed validation rule, named by the field it belongs to. */
export type FieldProblem = Schemas['FieldProblemDto'];

/** The one error shape every API route answers with. */
export type ApiErrorBody = Schemas['ErrorDto'];
