import type { ApiClient } from '../../api/client';
import type { AuthResult } from '../../api/types';

// Sign-in with a second factor and password reset. The shapes follow the API's auth routes
// (DESIGN.md, "Accounts"); they move to contract.gen.ts names as soon as the contract has them.

/** The password was right and the account asks for a second factor: answer `challenge` with a code. */
export interface SecondFactorRequired {
  secondFactorRequired: true;
  challenge: string;
}

export type LoginAnswer = AuthResult | SecondFactorRequired;

export function needsSecondFactor(answer: LoginAnswer): answer is SecondFactorRequired {
  return 'secondFactorRequired' in answer && answer.secondFactorRequired === true;
}

export function login(api: ApiClient, input: { email: string; password: string }): Promise<LoginAnswer> {
  return api.send('POST', '/api/auth/login', input);
}

/** The second step: a code from the authenticator app, or one of the recovery codes (each works once). */
export function loginSecondFactor(
  api: ApiClient,
  input: { challenge: string; code: string } | { challenge: string; recoveryCode: string },
): Promise<AuthResult> {
  return api.send('POST', '/api/auth/login/second-factor', input);
}

/** Always the same calm answer, whether or not an account uses the address. */
export function requestPasswordReset(api: ApiClient, email: string): Promise<{ message?: string }> {
  return api.send('POST', '/api/auth/password-reset', { email });
}

/** Sets a new password from a mailed link; every session of the account ends. */
export function resetPassword(api: ApiClient, token: string, password: string): Promise<{ message?: string }> {
  return api.send('POST', `/api/auth/password-reset/${encodeURIComponent(token)}`, { password });
}
