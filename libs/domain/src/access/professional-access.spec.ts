import {
  PROFESSIONAL_ACCESS_MAX_DAYS,
  PROFESSIONAL_ROLE_WORDS,
  PROFESSIONAL_ROLES,
  PROFESSIONAL_VISIT_MS,
  accessEndsAfterDay,
  accessLastDayChoices,
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

describe('the last day a parent chooses', () => {
  // prettier-ignore
  it.each([
    ['2026-03-05', 'Europe/London', '2026-03-06T00:00:00.000Z'],
    ['2026-07-05', 'Europe/London', '2026-07-05T23:00:00.000Z'],
    ['2026-03-05', 'America/New_York', '2026-03-06T05:00:00.000Z'],
    // The day before the clocks go forward ends at midnight before the change.
    ['2026-03-28', 'Europe/London', '2026-03-29T00:00:00.000Z'],
    ['2026-03-29', 'Europe/London', '2026-03-29T23:00:00.000Z'],
  ])('%s in %s ends at %s', (day, zone, end) => {
    expect(accessEndsAfterDay(day, zone)).toBe(end);
  });

  it('is a real day or nothing', () => {
    expect(accessEndsAfterDay('2026-02-30', 'Europe/London')).toBeNull();
    expect(accessEndsAfterDay('soon', 'Europe/London')).toBeNull();
  });

  it('is offered from today to the last day within 90 days, 30 days on suggested; the ends agree with checkAccessExpiry', () => {
    const choices = accessLastDayChoices(NOW, 'Europe/London');
    expect(choices).toEqual({ first: '2026-03-05', last: '2026-06-02', suggested: '2026-04-04' });
    expect(checkAccessExpiry(Date.parse(accessEndsAfterDay(choices.first, 'Europe/London')!), NOW)).toEqual({ ok: true });
    expect(checkAccessExpiry(Date.parse(accessEndsAfterDay(choices.last, 'Europe/London')!), NOW)).toEqual({ ok: true });
    const dayAfter = '2026-06-03';
    expect(checkAccessExpiry(Date.parse(accessEndsAfterDay(dayAfter, 'Europe/London')!), NOW)).toMatchObject({ ok: false, rule: 'maximumDuration' });
  });

  it('starts tomorrow late in the evening, when today ends within the hour', () => {
    expect(accessLastDayChoices(Date.parse('2026-03-05T23:30:00.000Z'), 'Europe/London').first).toBe('2026-03-06');
    expect(accessLastDayChoices(Date.parse('2026-03-05T22:59:00.000Z'), 'Europe/London').first).toBe('2026-03-05');
  });
});
