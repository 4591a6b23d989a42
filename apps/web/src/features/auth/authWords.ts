import type { ApiError } from '../../api/client';
import { formatClockTime } from '../../format';

// Sentences the sign-in, reset and account screens share. Calm and factual: what happened,
// what to do next; never an alarm.

/** Said before a new password is typed, so nobody learns the rules by failing them. */
export const PASSWORD_POLICY =
  'At least 12 characters, not a common password and not your e-mail address. A few unrelated words work well.';

const SAME_DAY = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * After too many tries: when the next one is allowed. The time alone when that is today,
 * with the date when the wait reaches into another day.
 */
export function nextTryMessage(retryAt: Date | null, now: Date = new Date()): string {
  if (!retryAt) return 'Too many attempts. Please wait a little and try again.';
  if (SAME_DAY.format(retryAt) === SAME_DAY.format(now)) {
    return `Too many attempts. You can try again at ${formatClockTime(retryAt)}.`;
  }
  const day = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }).format(retryAt);
  return `Too many attempts. You can try again on ${day} at ${formatClockTime(retryAt)}.`;
}

const PASSWORD_RULES: Record<string, string> = {
  minLength: 'Use at least 12 characters. A few unrelated words work well.',
  maxLength: 'Use at most 200 characters.',
  notCommon: 'This password is easy to guess. A few unrelated words work well.',
  notEmail: 'The password must not contain your e-mail address.',
  isNotEmpty: 'Please fill this in.',
  required: 'Please fill this in.',
};

/** "newPassword.0" and "newPassword" both belong to the field "newPassword". */
function topField(field: string): string {
  return field.split(/[.[]/, 1)[0] ?? field;
}

/**
 * The note for a new-password field (`password` on the reset page, `newPassword` on the
 * account page), in the same words as account creation, whatever the field is called.
 */
export function newPasswordMessage(error: ApiError | null, field: string): string | undefined {
  const problem = error?.details.find((candidate) => topField(candidate.field) === field);
  if (!problem) return undefined;
  return PASSWORD_RULES[problem.rule] ?? 'Please choose another password.';
}

/** The API found a problem with `field` (any rule). */
export function hasProblemWith(error: ApiError | null, field: string): boolean {
  return Boolean(error?.details.some((candidate) => topField(candidate.field) === field));
}
