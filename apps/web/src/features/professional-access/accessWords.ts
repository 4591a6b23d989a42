import { PROFESSIONAL_ROLE_WORDS, formatRecordTime } from '@parallel/domain';
import type { ApiError } from '../../api/client';
import { fieldMessage } from '../../components/formErrors';
import type { CaseParent } from '../../api/types';
import type { ProfessionalAccess, ProfessionalRole } from './accessApi';

export const ROLE_CHOICES: { value: ProfessionalRole; label: string; hint: string }[] = [
  { value: 'lawyer', label: 'Lawyer', hint: 'your solicitor, attorney or barrister' },
  { value: 'mediator', label: 'Mediator', hint: 'a family mediator working with you both' },
  { value: 'guardian_ad_litem', label: 'Guardian ad litem', hint: 'appointed by the court for the children' },
];

/** "Jane Smith, lawyer" */
export function professionalInWords(access: { name: string; role: ProfessionalRole }): string {
  return `${access.name}, ${PROFESSIONAL_ROLE_WORDS[access.role]}`;
}

/** The reader as "you", the other parent by name. */
function who(userId: string | null, readerId: string, parents: readonly CaseParent[]): string {
  if (userId === readerId) return 'you';
  return parents.find((parent) => parent.userId === userId)?.displayName ?? 'a parent';
}

/**
 * When an access ends, as the parent chose it: an access given "until Thursday" ends at the
 * midnight after it, which reads better as "the end of Thu 31 Dec 2026" than as "Fri 1 Jan
 * 2027, 00:00". Any other time is written as it is.
 */
export function accessEndInWords(iso: string, timeZone: string): string {
  const exact = formatRecordTime(iso, timeZone);
  if (!/, 00:00 \(/.test(exact)) return exact;
  const dayBefore = formatRecordTime(new Date(Date.parse(iso) - 60_000).toISOString(), timeZone);
  return `the end of ${dayBefore.replace(/, \d{2}:\d{2} \(/, ' (')}`;
}

/** Where an access stands, in one sentence with its times in the case's zone. */
export function accessStatusInWords(
  access: ProfessionalAccess,
  readerId: string,
  parents: readonly CaseParent[],
  timeZone: string,
): string {
  const time = (iso: string) => formatRecordTime(iso, timeZone);
  switch (access.status) {
    case 'active':
      return `Open until ${accessEndInWords(access.expiresAt, timeZone)}.`;
    case 'expired':
      return `Expired; it was open until ${accessEndInWords(access.expiresAt, timeZone)}.`;
    case 'revoked':
      return `Ended by ${who(access.revokedBy, readerId, parents)} ${time(access.revokedAt ?? access.expiresAt)}.`;
  }
}

export function accessHistoryInWords(
  access: ProfessionalAccess,
  readerId: string,
  parents: readonly CaseParent[],
  timeZone: string,
): string {
  const given = `Given by ${who(access.grantedBy, readerId, parents)} ${formatRecordTime(access.grantedAt, timeZone)}.`;
  if (access.visitCount === 0 || access.lastVisitAt === null) return `${given} Not opened yet.`;
  const times = access.visitCount === 1 ? 'once' : `${access.visitCount} times`;
  return `${given} Opened ${times}, last ${formatRecordTime(access.lastVisitAt, timeZone)}.`;
}

/** The API's problems with the form's fields, in plain words. */
export function accessFieldMessage(
  error: ApiError | null,
  field: 'name' | 'email' | 'role' | 'expiresAt',
): string | undefined {
  const problem = error?.details.find((candidate) => candidate.field === field);
  if (!problem) return undefined;
  switch (`${field}.${problem.rule}`) {
    case 'name.minLength':
      return 'Please give the professional’s name.';
    case 'name.maxLength':
      return 'Please use a shorter name, at most 100 characters.';
    case 'email.notParent':
      return 'This address belongs to a parent in this case. Use the professional’s own address.';
    case 'expiresAt.minimumDuration':
      return 'Please choose a later day: access lasts at least an hour.';
    case 'expiresAt.maximumDuration':
      return 'Please choose an earlier day: access lasts at most 90 days. You can give a new link later.';
    case 'expiresAt.isIso8601':
      return 'Please choose the last day of the access.';
    case 'role.isIn':
      return 'Please choose their role.';
    default:
      return fieldMessage(error, field);
  }
}
