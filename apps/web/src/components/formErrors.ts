import type { ApiError } from '../api/client';
import { UNREACHABLE } from '../api/client';
import type { FieldProblem } from '../api/types';
import { formatClockTime } from '../format';

// The API names each problem by field and rule ("email", "isEmail") with a message meant
// for developers ("email must be an e-mail address"). People read these sentences instead.

const BY_FIELD_AND_RULE: Record<string, string> = {
  'email.unique': 'This address cannot be used for a new account. If it is yours, sign in instead.',
  'email.notMember': 'This address belongs to a parent already in this case. Use the other parent’s own address.',
  'password.minLength': 'Use at least 12 characters. A few unrelated words work well.',
  'password.maxLength': 'Use at most 200 characters.',
  'password.notCommon': 'This password is easy to guess. A few unrelated words work well.',
  'password.notEmail': 'The password must not contain your e-mail address.',
  'displayName.minLength': 'Please give your name.',
  'displayName.maxLength': 'Please use a shorter name, at most 80 characters.',
  'name.minLength': 'Please give the case a name.',
  'name.maxLength': 'Please use a shorter name, at most 100 characters.',
  'children.arrayMinSize': 'Please name at least one child.',
  'children.arrayMaxSize': 'A case names at most 10 children.',
  'children.minLength': 'Each child needs a first name.',
  'children.maxLength': 'Please keep each name to 50 characters.',
};

const BY_FIELD: Record<string, string> = {
  email: 'This does not look like an e-mail address. Please check it.',
  timeZone: 'Please choose a time zone from the list.',
};

const BY_RULE: Record<string, string> = {
  isNotEmpty: 'Please fill this in.',
  required: 'Please fill this in.',
  minLength: 'Please fill this in.',
  maxLength: 'This is longer than allowed. Please shorten it.',
};

/** Wrong address or wrong password: said the same way, and not next to either field. */
const SIGN_IN_RULES = new Set(['registered', 'matches']);
const SIGN_IN_MISMATCH = 'The e-mail address and password do not match an account. Please check both and try again.';

/** "children.0" and "children[0]" both belong to the form field "children". */
function formFieldOf(field: string): string {
  return field.split(/[.[]/, 1)[0] ?? field;
}

function problemInWords(problem: FieldProblem): string {
  const field = formFieldOf(problem.field);
  return (
    BY_FIELD_AND_RULE[`${field}.${problem.rule}`] ??
    BY_FIELD[field] ??
    BY_RULE[problem.rule] ??
    'Please check this detail.'
  );
}

/** The plain-words note to show next to a form field, if the API had a problem with it. */
export function fieldMessage(error: ApiError | null, field: string): string | undefined {
  const problem = error?.details.find(
    (candidate) => formFieldOf(candidate.field) === field && !SIGN_IN_RULES.has(candidate.rule),
  );
  return problem && problemInWords(problem);
}

export function tooManyAttemptsMessage(retryAt: Date | null): string {
  return retryAt
    ? `Too many attempts. You can try again at ${formatClockTime(retryAt)}.`
    : 'Too many attempts. Please wait a little and try again.';
}

/**
 * Why a request did not work, in plain words. The API's sentences for refusals (403,
 * 409, 410) are written for people and kept; its validation text and anything a proxy
 * says are replaced by a sentence chosen by status.
 */
export function problemSentence(error: ApiError): string {
  if (error.status === 429) return tooManyAttemptsMessage(error.retryAt);
  if (error.status === UNREACHABLE) return 'Parallel could not be reached. Please check your connection and try again.';
  if (error.status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  if (error.status === 401) return 'Please sign in to continue.';
  const writtenForPeople = [403, 409, 410].includes(error.status) && error.details.length === 0;
  if (writtenForPeople && error.message) return error.message;
  if (error.status === 404) return 'That could not be found.';
  if (error.status === 400) return 'Some of the details need another look.';
  return 'That did not work. Please try again.';
}

/**
 * What the form shows above its button for an API error. Notes for fields on screen
 * appear next to those fields instead; only a pointer to them is repeated here.
 */
export function formLevelMessages(error: ApiError | null, fieldsOnScreen: readonly string[]): string[] {
  if (!error) return [];
  if (error.status === 429) return [tooManyAttemptsMessage(error.retryAt)];
  if (error.details.some((problem) => SIGN_IN_RULES.has(problem.rule))) return [SIGN_IN_MISMATCH];
  if (error.details.length === 0) return [problemSentence(error)];
  const onScreen = error.details.filter((problem) => fieldsOnScreen.includes(formFieldOf(problem.field)));
  const elsewhere = [...new Set(error.details.filter((problem) => !onScreen.includes(problem)).map(problemInWords))];
  return onScreen.length > 0
    ? ['Some details need another look; see the notes next to them.', ...elsewhere]
    : elsewhere;
}
