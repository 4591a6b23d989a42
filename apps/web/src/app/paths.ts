/** Every address of the web app, in one place. Mails carry `case(id)` as `<PUBLIC_URL>/cases/<caseId>`. */
export const paths = {
  home: '/',
  invite: (token: string) => `/invite/${encodeURIComponent(token)}`,
  case: (caseId: string) => `/cases/${encodeURIComponent(caseId)}`,
  caseMessages: (caseId: string) => `${paths.case(caseId)}/messages`,
  caseSchedule: (caseId: string) => `${paths.case(caseId)}/schedule`,
  caseExpenses: (caseId: string) => `${paths.case(caseId)}/expenses`,
  caseRecord: (caseId: string) => `${paths.case(caseId)}/record`,
  verify: '/verify',
  reset: (token: string) => `/reset/${encodeURIComponent(token)}`,
} as const;
