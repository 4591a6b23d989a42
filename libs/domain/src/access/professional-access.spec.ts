import {
  PROFESSIONAL_ACCESS_MAX_DAYS,
  PROFESSIONAL_ROLE_WORDS,
  PROFESSIONAL_ROLES,
  PROFESSIONAL_VISIT_MS,
  checkAccessExpiry,
  decideRevocation,
  isProfessionalRole,
  professionalAccessStatus,
  professionalVisitEndsAt,
  type ProfessionalAccessState,
} from './professional-access';

const NOW = Date.parse('2026-03-05T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const DANA = 'user-dana';
const ALEX = 'user-alex';

describe('checkAccessExpiry', () => {
  // prettier-ignore
  it.each([
    ['in the past', NOW - 1, 'minimumDuration'],
    ['now', NOW, 'minimumDuration'],
    ['in 59 minutes', NOW + HOUR - 60_000, 'minimumDuration'],
    ['in exactly an hour', NOW + HOUR, null],
    ['in 30 days', NOW + 30 * DAY, null],
    [`in exactly ${PROFESSIONAL_ACCESS_MAX_DAYS} days`, NOW + PROFESSIONAL_ACCESS_MAX_DAYS * DAY, null],
    [`a second past ${PROFESSIONAL_ACCESS_MAX_DAYS} days`, NOW + PROFESSIONAL_ACCESS_MAX_DAYS * DAY + 1000, 'maximumDuration'],
    ['in a year', NOW + 365 * DAY, 'maximumDuration'],
  ])('an end %s is %s', (_name, expiresAt, rule) => {
    const check = checkAccessExpiry(expiresAt, NOW);
    expect(check.ok ? null : check.rule).toBe(rule);
    if (!check.ok) expect(check.message).toMatch(/^expiresAt must be/);
  });
});

describe('professionalAccessStatus and decideRevocation', () => {
  const open: ProfessionalAccessState = { grantedBy: DANA, expiresAtMs: NOW + DAY, revokedAtMs: null };
  const ended: ProfessionalAccessState = { ...open, revokedAtMs: NOW - HOUR };
  const past: ProfessionalAccessState = { ...open, expiresAtMs: NOW - 1 };

  // prettier-ignore
  it.each([
    ['open, before its end', open, NOW, 'active'],
    ['open, at its end exactly', open, NOW + DAY, 'expired'],
    ['past its end', past, NOW, 'expired'],
    ['ended by its parent', ended, NOW, 'revoked'],
    ['ended, and later past its end too: ended is what happened', { ...ended, expiresAtMs: NOW - 1 }, NOW, 'revoked'],
  ])('%s is %s', (_name, access, at, status) => {
    expect(professionalAccessStatus(access, at)).toBe(status);
  });

  // prettier-ignore
  it.each([
    ['the parent who gave it, while it is open', open, DANA, { ok: true }],
    // An abusive other parent must not cut the survivor off from their own lawyer.
    ['the other parent', open, ALEX, { ok: false, reason: 'not_granter' }],
    ['the parent who gave it, once ended', ended, DANA, { ok: false, reason: 'revoked' }],
    ['the parent who gave it, once expired', past, DANA, { ok: false, reason: 'expired' }],
    ['the other parent, once expired (who asks comes first)', past, ALEX, { ok: false, reason: 'not_granter' }],
  ])('ending it: %s', (_name, access, by, decision) => {
    expect(decideRevocation(access, by, NOW)).toEqual(decision);
  });
});

describe('visits', () => {
  it('last 12 hours, never past the access', () => {
    expect(professionalVisitEndsAt(NOW, NOW + DAY)).toBe(NOW + PROFESSIONAL_VISIT_MS);
    expect(professionalVisitEndsAt(NOW, NOW + HOUR)).toBe(NOW + HOUR);
  });
});

describe('roles', () => {
  it('are a lawyer, a mediator and a guardian ad litem, each in words', () => {
    expect(PROFESSIONAL_ROLES.map((role) => PROFESSIONAL_ROLE_WORDS[role])).toEqual(['lawyer', 'mediator', 'guardian ad litem']);
    expect(isProfessionalRole('mediator')).toBe(true);
    expect(isProfessionalRole('parent')).toBe(false);
    expect(isProfessionalRole(undefined)).toBe(false);
  });
});
