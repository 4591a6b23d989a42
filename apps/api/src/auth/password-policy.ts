import type { FieldProblem } from '../common/errors';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Passwords seen in every breach list; length alone does not rule these out. */
const COMMON_PASSWORDS = new Set([
  'password1234', 'password12345', 'passwordpassword', '123456789012', '1234567890123', 'qwertyuiopas',
  'qwerty123456', 'iloveyou1234', 'letmein12345', 'welcome12345', 'abcdefghijkl', 'aaaaaaaaaaaa',
  'changeme1234', 'administrator', '111111111111', '000000000000', 'football1234', 'monkey123456',
]);

/** Explains every rule a password breaks, so the form can say exactly what to change. */
export function passwordProblems(password: string, email?: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push({ field: 'password', rule: 'minLength', message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long` });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push({ field: 'password', rule: 'maxLength', message: `password must be at most ${PASSWORD_MAX_LENGTH} characters long` });
  }
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) {
    problems.push({ field: 'password', rule: 'notCommon', message: 'password is too easy to guess; choose a phrase of several unrelated words' });
  }
  const localPart = email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) {
    problems.push({ field: 'password', rule: 'notEmail', message: 'password must not contain your e-mail address' });
  }
  return problems;
}
