import type { ApiClient } from '../../api/client';
import type {
  AccountNotice,
  AuthResult,
  SecondFactorAnswer,
  SecondFactorRequired,
  SignInAnswer,
} from '../../api/types';

// Sign-in with a second factor and password reset (DESIGN.md, "Accounts"), in the shapes of
// the contract generated from the API's OpenAPI document.

export type LoginAnswer = SignInAnswer;

export function needsSecondFactor(answer: LoginAnswer): answer is SecondFactorRequired {
  return 'secondFactorRequired' in answer && answer.secondFactorRequired === true;
}

export function login(api: ApiClient, input: { email: string; password: string }): Promise<LoginAnswer> {
  return api.send('POST', '/api/auth/login', input);
}

/** The second step: a code from the authenticator app, or one of the recovery codes (each works once). */
export function loginSecondFactor(
  api: ApiClient,
  input: SecondFactorAnswer & ({ code: string } | { recoveryCode: string }),
): Promise<AuthResult> {
  return api.send('POST', '/api/auth/login/second-factor', input);
}

/** Always the same calm answer, whether or not an account uses the address. */
export function requestPasswordReset(api: ApiClient, email: string): Promise<AccountNotice> {
  return api.send('POST', '/api/auth/password-reset', { email });
}

/** Sets a new password from a mailed link; every session of the account ends. */
export function resetPassword(api: ApiClient, token: string, password: string): Promise<AccountNotice> {
  return api.send('POST', `/api/auth/password-reset/${encodeURIComponent(token)}`, { password });
}
