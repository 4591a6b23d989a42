// The shapes of the HTTP API, under the names the web uses. Every one comes from
// ./contract.gen.ts, generated from the API's OpenAPI document (`npm run contract`):
// nothing here is copied by hand, so the web cannot drift from what the API answers.
import type { components } from './contract.gen';

type Schemas = components['schemas'];

// Accounts
export type User = Schemas['UserDto'];
export type Me = Schemas['MeDto'];
/** A parent's own preferences, kept on the server (`PUT /api/auth/me/preferences`). */
export type Preferences = Schemas['PreferencesDto'];
export type AuthResult = Schemas['SignedInDto'];
export type NewAccount = Schemas['RegisterDto'];
export type Credentials = Schemas['LoginDto'];
/** `POST /api/auth/login` answers a session, or (second factor on) a challenge for `POST /api/auth/login/second-factor`. */
export type SecondFactorRequired = Schemas['SecondFactorRequiredDto'];
export type SignInAnswer = AuthResult | SecondFactorRequired;
export type SecondFactorAnswer = Schemas['SecondFactorDto'];
/** The `{message}` of password reset, password change and address change answers. */
export type AccountNotice = Schemas['AuthMessageDto'];
export type PasswordResetRequest = Schemas['PasswordResetRequestDto'];
export type PasswordReset = Schemas['PasswordResetDto'];
export type PasswordChange = Schemas['ChangePasswordDto'];
export type EmailChange = Schemas['ChangeEmailDto'];
export type EmailChanged = Schemas['EmailChangedDto'];
export type AccountSession = Schemas['SessionDto'];
export type AccountSessionList = Schemas['SessionListDto'];
export type TotpEnrolment = Schemas['TotpEnrolmentDto'];
export type TotpConfirm = Schemas['TotpConfirmDto'];
export type TotpDisable = Schemas['TotpDisableDto'];
export type RecoveryCodes = Schemas['RecoveryCodesDto'];
export type Health = Schemas['HealthDto'];

// Cases and invitations
export type Case = Schemas['CaseDto'];
export type CaseView = Case;
export type CaseList = Schemas['CaseListDto'];
export type CaseParent = Schemas['CaseParentDto'];
export type NewCase = Schemas['CreateCaseDto'];
export type SentInvitation = Schemas['InvitationDto'];
export type InvitationPreview = Schemas['InvitationPreviewDto'];

// Terms: each parent's inbox terms (set alone), the shared terms (by proposal)
/** The shared terms (urgent allowance, read times, split): what `Case.terms` holds. */
export type SharedTerms = Schemas['SharedTermsDto'];
/** One parent's inbox terms: delivery windows and daily cap. */
export type InboxTerms = Schemas['InboxTermsDto'];
/**
 * @deprecated the terms are now the shared terms (`Case.terms`, `CaseSettings.shared`) plus each
 * parent's own inbox terms (`CaseSettings.inboxes`). This is the two together, for code written before.
 */
export type CaseTerms = SharedTerms & InboxTerms;
export type Cadence = InboxTerms['cadence'];
export type DeliveryWindow = Schemas['DeliveryWindowDto'];
/** One parent's inbox in `CaseSettings`: in force, and a change waiting for its effectiveAt. */
export type Inbox = Schemas['InboxDto'];
export type PendingInboxTerms = Schemas['PendingInboxTermsDto'];
/** The body of `PUT /api/cases/:caseId/inbox-terms`. */
export type NewInboxTerms = Schemas['SetInboxTermsDto'];
/** The 202 answer of `PUT .../inbox-terms`. */
export type InboxTermsChange = Schemas['InboxTermsChangeDto'];
export type TermsChanges = Schemas['TermsChangesDto'];
export type SharedTermsChanges = Schemas['SharedTermsChangesDto'];
export type Proposal = Schemas['ProposalDto'];
export type ProposalStatus = Schemas['ProposalStatus'];
/** `GET /api/cases/:caseId/settings`: { inboxes, shared, pendingProposal }. */
export type CaseSettings = Schemas['CaseSettingsDto'];

// Messages
export type Message = Schemas['MessageDto'];
export type MessageTopic = Schemas['MessageTopic'];
export type MessageStatus = Schemas['MessageStatus'];
export type NewMessage = Schemas['SendMessageDto'];
export type Thread = Schemas['ThreadDto'];
export type HeldBack = Schemas['HeldBackDto'];
/** `GET .../held-back/summary`: counts only, never texts. */
export type HeldBackSummary = Schemas['HeldBackSummaryDto'];
/** `GET .../messages/allowance`: what the caller may still send now. */
export type Allowance = Schemas['AllowanceDto'];
export type DeliveryMode = Schemas['DeliveryMode'];
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

// The record for court
export type CaseExport = Schemas['ExportDto'];
export type CaseExportPage = Schemas['ExportPageDto'];
export type NewExport = Schemas['CreateExportDto'];
