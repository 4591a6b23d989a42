import { DAY_MS, localDateOf, requireZone, startOfLocalDate } from '../time/zoned-time';

/**
 * Professional access: a parent lets a lawyer, a mediator or a guardian ad litem read the
 * case's record and export it, through a link that expires and that the parent can end.
 * The professional never has a voice in the channel (DOMAIN.md, "flying monkeys"): they
 * read and export, nothing else. These are the rules both the API and the screens apply.
 */

/** Who a parent may give access to: the professionals a family court deals with. */
export const PROFESSIONAL_ROLES = ['lawyer', 'mediator', 'guardian_ad_litem'] as const;
export type ProfessionalRole = (typeof PROFESSIONAL_ROLES)[number];

/** Each role as a sentence writes it ("Jane Smith, guardian ad litem"). */
export const PROFESSIONAL_ROLE_WORDS: { readonly [R in ProfessionalRole]: string } = Object.freeze({
  lawyer: 'lawyer',
  mediator: 'mediator',
  guardian_ad_litem: 'guardian ad litem',
});

export function isProfessionalRole(value: unknown): value is ProfessionalRole {
  return typeof value === 'string' && (PROFESSIONAL_ROLES as readonly string[]).includes(value);
}

/**
 * The longest access a parent may give at once. A link is a credential sent by e-mail: one
 * that lasts for years would outlive the matter it was given for. A parent can give a new one.
 */
export const PROFESSIONAL_ACCESS_MAX_DAYS = 90;
/** The shortest: less than an hour would expire before the professional reads the e-mail. */
export const PROFESSIONAL_ACCESS_MIN_MS = 60 * 60 * 1000;
/** A professional's name as the record keeps it. */
export const PROFESSIONAL_NAME_MAX = 100;

/**
 * How long one opening of the link lasts in one browser before it must be opened again (each
 * opening is recorded). Short enough that a browser left open on a shared computer does not
 * keep the record on screen for days; never past the access's own end.
 */
export const PROFESSIONAL_VISIT_MS = 12 * 60 * 60 * 1000;


export type AccessExpiryCheck = { ok: true } | { ok: false; rule: 'minimumDuration' | 'maximumDuration'; message: string };

/** Whether an access may end at `expiresAtMs` when given at `nowMs`. */
export function checkAccessExpiry(expiresAtMs: number, nowMs: number): AccessExpiryCheck {
  if (expiresAtMs - nowMs < PROFESSIONAL_ACCESS_MIN_MS) {
    return { ok: false, rule: 'minimumDuration', message: 'expiresAt must be at least an hour from now' };
  }
  if (expiresAtMs - nowMs > PROFESSIONAL_ACCESS_MAX_DAYS * DAY_MS) {
    return { ok: false, rule: 'maximumDuration', message: `expiresAt must be at most ${PROFESSIONAL_ACCESS_MAX_DAYS} days from now` };
  }
  return { ok: true };
}

export type ProfessionalAccessStatus = 'active' | 'expired' | 'revoked';

export interface ProfessionalAccessState {
  /** The parent who gave it. */
  grantedBy: string;
  expiresAtMs: number;
  /** When a parent ended it, or null. */
  revokedAtMs: number | null;
}

/** Where an access stands at `nowMs`: ended by its parent, past its end, or still open. */
export function professionalAccessStatus(access: ProfessionalAccessState, nowMs: number): ProfessionalAccessStatus {
  if (access.revokedAtMs !== null) return 'revoked';
  return nowMs < access.expiresAtMs ? 'active' : 'expired';
}

export type RevocationDecision = { ok: true } | { ok: false; reason: 'not_granter' | 'revoked' | 'expired' };

/**
 * Whether `by` may end an access now. Only the parent who gave it: the other parent must not
 * be able to cut a survivor off from their own lawyer. (That `by` is a parent of the case is
 * checked where the request comes in.) An access already ended or expired has nothing left to end.
 */
export function decideRevocation(access: ProfessionalAccessState, by: string, nowMs: number): RevocationDecision {
  if (access.grantedBy !== by) return { ok: false, reason: 'not_granter' };
  const status = professionalAccessStatus(access, nowMs);
  if (status !== 'active') return { ok: false, reason: status };
  return { ok: true };
}

/** When a visit opened at `openedAtMs` ends: after {@link PROFESSIONAL_VISIT_MS}, or with the access. */
export function professionalVisitEndsAt(openedAtMs: number, accessExpiresAtMs: number): number {
  return Math.min(openedAtMs + PROFESSIONAL_VISIT_MS, accessExpiresAtMs);
}

/** A calendar day as `YYYY-MM-DD`, from its UTC-midnight milliseconds. */
function dayText(dateMs: number): string {
  return new Date(dateMs).toISOString().slice(0, 10);
}

/**
 * A parent chooses the last day of an access, in the case's zone: it ends when that day ends
 * (the next day's first instant there), so "until Friday" includes all of Friday.
 * `day` is `YYYY-MM-DD`; the answer is an ISO instant, or null for a day that is not one.
 */
export function accessEndsAfterDay(day: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const dateMs = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (dayText(dateMs) !== day) return null;
  return new Date(startOfLocalDate(requireZone(timeZone), dateMs + DAY_MS)).toISOString();
}

/**
 * The days a form may offer as an access's last day at `nowMs`, in the case's zone: from today
 * (which ends in at least an hour, or tomorrow) to the last day whose end is within
 * {@link PROFESSIONAL_ACCESS_MAX_DAYS} days; `suggested` is 30 days on, a usual time for a matter.
 */
export function accessLastDayChoices(nowMs: number, timeZone: string): { first: string; last: string; suggested: string } {
  const zone = requireZone(timeZone);
  const today = localDateOf(zone, nowMs);
  const endsIn = (dateMs: number) => startOfLocalDate(zone, dateMs + DAY_MS) - nowMs;
  const first = endsIn(today) >= PROFESSIONAL_ACCESS_MIN_MS ? today : today + DAY_MS;
  let last = today + PROFESSIONAL_ACCESS_MAX_DAYS * DAY_MS;
  while (endsIn(last) > PROFESSIONAL_ACCESS_MAX_DAYS * DAY_MS) last -= DAY_MS;
  return { first: dayText(first), last: dayText(last), suggested: dayText(Math.min(today + 30 * DAY_MS, last)) };
}
