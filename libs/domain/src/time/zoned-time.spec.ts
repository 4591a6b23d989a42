import { isValidCaseTimeZone } from './zoned-time';

describe('isValidCaseTimeZone', () => {
  it.each([
    'Europe/London',
    'America/New_York',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Asia/Calcutta',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'Europe/Kyiv',
    'America/Argentina/Buenos_Aires',
    'America/North_Dakota/New_Salem',
    'America/Port-au-Prince',
    'Europe/Isle_of_Man',
    'Antarctica/DumontDUrville',
    'Africa/Dar_es_Salaam',
    'Atlantic/Reykjavik',
    'Indian/Mauritius',
    'UTC',
  ])('accepts %s', (zone) => {
    expect(isValidCaseTimeZone(zone)).toBe(true);
  });

  it.each<[string, string]>([
    ['', 'empty'],
    [' ', 'blank'],
    ['garbage', 'not a zone'],
    ['Foo/Bar', 'an unknown Area/Location'],
    ['Europe/Atlantis', 'an unknown location in a known area'],
    ['EST5EDT', 'a POSIX-style rule name'],
    ['EST', 'an abbreviation'],
    ['CET', 'an abbreviation that is also a legacy zone'],
    ['GMT', 'a legacy name for UTC'],
    ['utc', 'UTC in the wrong case'],
    ['Z', 'the ISO designator for UTC'],
    ['Etc/GMT+5', 'an Etc zone with an inverted sign'],
    ['Etc/UTC', 'an Etc alias'],
    ['US/Eastern', 'a legacy country alias'],
    ['+05:00', 'a fixed offset'],
    ['UTC+1', 'an offset written after UTC'],
    ['america/new_york', 'lower case'],
    ['America/NEW_YORK', 'a case variant of a real name'],
    ['America/New_York ', 'a trailing space'],
    [' America/New_York', 'a leading space'],
    ['Europe/London/', 'a trailing slash'],
    ['/Europe/London', 'a leading slash'],
    ['Europe//London', 'an empty segment'],
    ['Europe/../London', 'path traversal'],
    [`Europe/${'L'.repeat(80)}`, 'an overlong name'],
  ])('rejects %j (%s)', (zone) => {
    expect(isValidCaseTimeZone(zone)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 5],
    ['an object', { zone: 'UTC' }],
  ])('rejects %s passed around the type system', (_name, zone) => {
    expect(isValidCaseTimeZone(zone as string)).toBe(false);
  });
});
