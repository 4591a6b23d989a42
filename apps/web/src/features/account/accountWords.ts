import type { ApiError } from '../../api/client';
import { fieldMessage, problemSentence } from '../../components/formErrors';
import { hasProblemWith, newPasswordMessage, nextTryMessage } from '../auth/authWords';
import type { AccountSession } from './accountApi';

/** The device line of a session, as the API names it. */
export function deviceName(session: Pick<AccountSession, 'device'>): string {
  const device = session.device?.trim();
  return device ? device : 'A browser that did not say what it is';
}

export const NOT_YOUR_PASSWORD = 'This is not the password of your account. Please check it.';

/**
 * The note next to a field that asks for the account's password (`currentPassword`,
 * `password`): a wrong one said plainly, other rules in the usual words.
 */
export function passwordCheckMessage(error: ApiError | null, field: string): string | undefined {
  if (!error) return undefined;
  if (hasProblemWith(error, field)) {
    const problem = error.details.find((candidate) => candidate.field === field);
    if (problem && ['matches', 'correct', 'invalid', 'wrong'].includes(problem.rule)) return NOT_YOUR_PASSWORD;
    return fieldMessage(error, field) ?? NOT_YOUR_PASSWORD;
  }
  return undefined;
}

/** The note next to a new e-mail address field. */
export function newEmailMessage(error: ApiError | null, field: string): string | undefined {
  if (!error || !hasProblemWith(error, field)) return undefined;
  const problem = error.details.find((candidate) => candidate.field.startsWith(field));
  if (problem?.rule === 'unique' || problem?.rule === 'available') {
    return 'This address cannot be used for your account. Please give another.';
  }
  if (problem?.rule === 'different' || problem?.rule === 'same') return 'This is already your address.';
  return 'This does not look like an e-mail address. Please check it.';
}

/** What a form on the account page says above its button, when no field note says it. */
export function formProblem(error: ApiError | null, fieldsWithNotes: readonly (string | undefined)[]): string | null {
  if (!error) return null;
  if (fieldsWithNotes.some(Boolean)) return 'Some details need another look; see the notes next to them.';
  if (error.status === 429) return nextTryMessage(error.retryAt);
  return problemSentence(error);
}

export { newPasswordMessage };
