/** Every address of the web app, in one place. Mails carry `case(id)` as `<PUBLIC_URL>/cases/<caseId>`. */
export const paths = {
  home: '/',
  invite: (token: string) => `/invite/${encodeURIComponent(token)}`,
  /** The case's messages: the page the link in every notice mail opens. */
  case: (caseId: string) => `/cases/${encodeURIComponent(caseId)}`,
  /** Kept for links made before the case page opened on the messages; it leads to `case(id)`. */
  caseMessages: (caseId: string) => `${paths.case(caseId)}/messages`,
  /** Who and what the case is about: children, parents, invitation, terms in force. */
  caseAbout: (caseId: string) => `${paths.case(caseId)}/about`,
  caseSchedule: (caseId: string) => `${paths.case(caseId)}/schedule`,
  caseExpenses: (caseId: string) => `${paths.case(caseId)}/expenses`,
  caseRecord: (caseId: string) => `${paths.case(caseId)}/record`,
  /** Both parents' inbox terms and the shared terms, with changes waiting and proposals. */
  caseTerms: (caseId: string) => `${paths.case(caseId)}/terms`,
  verify: '/verify',
  /** The link a professional receives: its secret is exchanged for a visit, then the address becomes `professionalRecord`. */
  professionalLink: (secret: string) => `/p/${encodeURIComponent(secret)}`,
  /** A professional's read-only view of the case record their link opened. */
  professionalRecord: '/p',
  reset: (token: string) => `/reset/${encodeURIComponent(token)}`,
  /** Asks for the address a password-reset link is mailed to. */
  forgotPassword: '/forgot-password',
  /** One's own sessions, password, e-mail address and second step. */
  account: '/account',
  /** The link mailed to a new address; opening it and confirming makes it the account's address. */
  confirmEmail: (token: string) => `/confirm-email/${encodeURIComponent(token)}`,
} as const;
