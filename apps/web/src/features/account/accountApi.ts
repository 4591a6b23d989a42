import type { ApiClient } from '../../api/client';
import type { User } from '../../api/types';

// The account screens' requests (DESIGN.md, "Accounts"). The shapes follow the API's auth
// routes; they move to contract.gen.ts names as soon as the contract has them.

/** One of the caller's own sessions: a browser or app signed in to the account. */
export interface AccountSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  /** What the API makes of the browser that signed in, e.g. "Firefox on Windows". */
  device: string | null;
  /** The session this browser is using. */
  current: boolean;
}

export interface TotpEnrolment {
  /** Base32, for typing into an app by hand. */
  secret: string;
  /** `otpauth://totp/...`, shown as a QR code. */
  otpauthUrl: string;
}

export async function listSessions(api: ApiClient): Promise<AccountSession[]> {
  const answer = await api.send<{ items: AccountSession[] }>('GET', '/api/auth/sessions');
  return answer.items;
}

export function endSession(api: ApiClient, id: string): Promise<void> {
  return api.send('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`);
}

/** Ends every session of the account, this browser's included. */
export function endEverySession(api: ApiClient): Promise<void> {
  return api.send('DELETE', '/api/auth/sessions');
}

export function changePassword(
  api: ApiClient,
  input: { currentPassword: string; newPassword: string },
): Promise<unknown> {
  return api.send('POST', '/api/auth/password', input);
}

/** Mails a link to the new address; the address changes only when that link is opened. */
export function changeEmail(api: ApiClient, input: { newEmail: string; password: string }): Promise<unknown> {
  return api.send('POST', '/api/auth/email', input);
}

export async function confirmEmail(api: ApiClient, token: string): Promise<User> {
  const answer = await api.send<{ user: User }>('POST', `/api/auth/email/${encodeURIComponent(token)}`);
  return answer.user;
}

/** Whether the account asks for a second step at sign-in (`GET /api/auth/me` -> `totpEnabled`). */
export async function secondStepIsOn(api: ApiClient): Promise<boolean> {
  const answer = await api.send<{ totpEnabled?: unknown; user?: { totpEnabled?: unknown } }>('GET', '/api/auth/me');
  return (answer.totpEnabled ?? answer.user?.totpEnabled) === true;
}

export function startTotp(api: ApiClient): Promise<TotpEnrolment> {
  return api.send('POST', '/api/auth/totp');
}

export async function confirmTotp(api: ApiClient, code: string): Promise<string[]> {
  const answer = await api.send<{ recoveryCodes: string[] }>('POST', '/api/auth/totp/confirm', { code });
  return answer.recoveryCodes;
}

export function turnOffTotp(api: ApiClient, password: string): Promise<void> {
  return api.send('DELETE', '/api/auth/totp', { password });
}
