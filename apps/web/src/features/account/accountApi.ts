import type { ApiClient } from '../../api/client';
import type {
  AccountNotice,
  AccountSession,
  AccountSessionList,
  EmailChange,
  EmailChanged,
  Me,
  PasswordChange,
  RecoveryCodes,
  TotpEnrolment,
  User,
} from '../../api/types';

// The account screens' requests (DESIGN.md, "Accounts"), in the shapes of the contract
// generated from the API's OpenAPI document.

export type { AccountSession, TotpEnrolment };

export async function listSessions(api: ApiClient): Promise<AccountSession[]> {
  const answer = await api.send<AccountSessionList>('GET', '/api/auth/sessions');
  return answer.items;
}

export function endSession(api: ApiClient, id: string): Promise<void> {
  return api.send('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`);
}

/** Ends every session of the account, this browser's included. */
export function endEverySession(api: ApiClient): Promise<void> {
  return api.send('DELETE', '/api/auth/sessions');
}

export function changePassword(api: ApiClient, input: PasswordChange): Promise<unknown> {
  return api.send('POST', '/api/auth/password', input);
}

/** Mails a link to the new address; the address changes only when that link is opened. */
export function changeEmail(api: ApiClient, input: EmailChange): Promise<AccountNotice> {
  return api.send('POST', '/api/auth/email', input);
}

export async function confirmEmail(api: ApiClient, token: string): Promise<User> {
  const answer = await api.send<EmailChanged>('POST', `/api/auth/email/${encodeURIComponent(token)}`);
  return answer.user;
}

/** Whether the account asks for a second step at sign-in (`GET /api/auth/me` -> `totpEnabled`). */
export async function secondStepIsOn(api: ApiClient): Promise<boolean> {
  const answer = await api.send<Me>('GET', '/api/auth/me');
  // An API from before the second step does not say: then it is off.
  return answer.totpEnabled === true;
}

export function startTotp(api: ApiClient): Promise<TotpEnrolment> {
  return api.send('POST', '/api/auth/totp');
}

export async function confirmTotp(api: ApiClient, code: string): Promise<string[]> {
  const answer = await api.send<RecoveryCodes>('POST', '/api/auth/totp/confirm', { code });
  return answer.recoveryCodes;
}

export function turnOffTotp(api: ApiClient, password: string): Promise<void> {
  return api.send('DELETE', '/api/auth/totp', { password });
}
