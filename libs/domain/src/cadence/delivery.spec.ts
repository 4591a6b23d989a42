import { DateTime } from 'luxon';
import { nextDeliveryAt } from './delivery';
import type { Cadence, CadenceWeekday } from './terms';

/** Instants are written with their local offset so each row can be checked by eye. */
const at = (iso: string): Date => new Date(iso);

function windowsAt(...entries: [CadenceWeekday, string][]): Cadence {
  return { mode: 'windows', windows: entries.map(([weekday, time]) => ({ weekday, time })) };
}

const MON = 1,
  TUE = 2,
  WED = 3,
  THU = 4,
  FRI = 5,
  SAT = 6,
  SUN = 7;
const mondayAndThursdayAt18 = windowsAt([MON, '18:00'], [THU, '18:00']);

type Row = [description: string, cadence: Cadence, timeZone: string, sentAt: string, expected: string];

function expectDelivery([, cadence, timeZone, sentAt, expected]: Row): void {
  expect(nextDeliveryAt(cadence, timeZone, at(sentAt)).toISOString()).toBe(at(expected).toISOString());
}

describe('nextDeliveryAt with an immediate cadence', () => {
  it('delivers at the moment of sending, to the millisecond, as a new Date', () => {
    const sentAt = at('2025-03-09T02:30:00.123-05:00');
    const deliverAt = nextDeliveryAt({ mode: 'immediate' }, 'America/New_York', sentAt);
    expect(deliverAt.getTime()).toBe(sentAt.getTime());
    expect(deliverAt).not.toBe(sentAt);
  });
});

describe('nextDeliveryAt around one window', () => {
  // prettier-ignore
  it.each<Row>([
    ['between windows: the next one', mondayAndThursdayAt18, 'Europe/London', '2025-01-14T10:00:00Z', '2025-01-16T18:00:00Z'],
    ['1 ms before a window: that window', mondayAndThursdayAt18, 'Europe/London', '2025-01-16T17:59:59.999Z', '2025-01-16T18:00:00Z'],
    ['exactly at a window: that window', mondayAndThursdayAt18, 'Europe/London', '2025-01-16T18:00:00.000Z', '2025-01-16T18:00:00Z'],
    ['1 ms after a window: the next one', mondayAndThursdayAt18, 'Europe/London', '2025-01-16T18:00:00.001Z', '2025-01-20T18:00:00Z'],
    ['after the last window of the week: wraps to Monday', mondayAndThursdayAt18, 'Europe/London', '2025-01-18T12:00:00Z', '2025-01-20T18:00:00Z'],
    ['on a window day, before it: the same day', mondayAndThursdayAt18, 'Europe/London', '2025-01-20T08:00:00Z', '2025-01-20T18:00:00Z'],
    ['a single window just missed: a week later', windowsAt([MON, '09:00']), 'Europe/London', '2025-01-20T09:01:00Z', '2025-01-27T09:00:00Z'],
    ['a single window, 1 ms late: 7 days minus 1 ms', windowsAt([MON, '09:00']), 'UTC', '2025-01-20T09:00:00.001Z', '2025-01-27T09:00:00Z'],
    ['a window at 00:00, sent the moment before', windowsAt([SAT, '00:00']), 'Europe/London', '2025-01-17T23:59:59.999Z', '2025-01-18T00:00:00Z'],
    ['a window at 00:00, sent on it', windowsAt([SAT, '00:00']), 'Europe/London', '2025-01-18T00:00:00Z', '2025-01-18T00:00:00Z'],
    ['a window at 00:00, sent just after', windowsAt([SAT, '00:00']), 'Europe/London', '2025-01-18T00:00:00.001Z', '2025-01-25T00:00:00Z'],
    ['a window at 23:59, sent the minute before', windowsAt([SUN, '23:59']), 'Europe/London', '2025-01-19T23:58:00Z', '2025-01-19T23:59:00Z'],
    ['a window at 23:59, sent inside that minute', windowsAt([SUN, '23:59']), 'Europe/London', '2025-01-19T23:59:30Z', '2025-01-26T23:59:00Z'],
    ['a window at 23:59 while sent at 00:00 that day', windowsAt([SUN, '23:59']), 'Europe/London', '2025-01-19T00:00:00Z', '2025-01-19T23:59:00Z'],
  ])('%s', (...row) => expectDelivery(row));
});

describe('nextDeliveryAt with many windows', () => {
  const twiceEveryDay = windowsAt(
    ...([MON, TUE, WED, THU, FRI, SAT, SUN] as const).flatMap((day): [CadenceWeekday, string][] => [
      [day, '08:00'],
      [day, '20:00'],
    ]),
  );
  const unsorted = windowsAt([SUN, '10:00'], [WED, '07:30'], [MON, '18:00'], [WED, '19:15'], [FRI, '12:00']);

  // prettier-ignore
  it.each<Row>([
    ['fourteen windows, midday: the evening one', twiceEveryDay, 'Europe/Paris', '2025-01-15T12:00:00+01:00', '2025-01-15T20:00:00+01:00'],
    ['fourteen windows, late evening: next morning', twiceEveryDay, 'Europe/Paris', '2025-01-15T20:00:01+01:00', '2025-01-16T08:00:00+01:00'],
    ['fourteen windows, Sunday night: Monday morning', twiceEveryDay, 'Europe/Paris', '2025-01-19T23:00:00+01:00', '2025-01-20T08:00:00+01:00'],
    ['unsorted windows, Monday night', unsorted, 'America/Chicago', '2025-01-13T21:00:00-06:00', '2025-01-15T07:30:00-06:00'],
    ['unsorted windows, Wednesday after the first', unsorted, 'America/Chicago', '2025-01-15T07:30:00.001-06:00', '2025-01-15T19:15:00-06:00'],
    ['unsorted windows, Wednesday after the second', unsorted, 'America/Chicago', '2025-01-15T19:16:00-06:00', '2025-01-17T12:00:00-06:00'],
    ['unsorted windows, Saturday', unsorted, 'America/Chicago', '2025-01-18T09:00:00-06:00', '2025-01-19T10:00:00-06:00'],
    ['unsorted windows, Sunday afternoon', unsorted, 'America/Chicago', '2025-01-19T10:00:01-06:00', '2025-01-20T18:00:00-06:00'],
    ['duplicate windows behave as one', windowsAt([TUE, '18:00'], [TUE, '18:00']), 'UTC', '2025-01-14T18:00:01Z', '2025-01-21T18:00:00Z'],
  ])('%s', (...row) => expectDelivery(row));
});

describe('nextDeliveryAt reads windows as wall-clock time in the case zone', () => {
  // prettier-ignore
  it.each<Row>([
    ['UTC says Sunday, Kolkata says Monday 00:30', windowsAt([MON, '01:00']), 'Asia/Kolkata', '2025-01-19T19:00:00Z', '2025-01-20T01:00:00+05:30'],
    ['Kolkata, half-hour offset all year', windowsAt([FRI, '18:00']), 'Asia/Kolkata', '2025-07-01T00:00:00Z', '2025-07-04T12:30:00Z'],
    ['Kathmandu, 45-minute offset', windowsAt([WED, '09:00']), 'Asia/Kathmandu', '2025-01-14T00:00:00Z', '2025-01-15T09:00:00+05:45'],
    ['UTC says Monday, Los Angeles says Sunday 19:00', windowsAt([SUN, '20:00']), 'America/Los_Angeles', '2025-01-20T03:00:00Z', '2025-01-19T20:00:00-08:00'],
    ['Chatham, +13:45 in its summer', windowsAt([MON, '06:00']), 'Pacific/Chatham', '2025-01-12T12:00:00Z', '2025-01-13T06:00:00+13:45'],
    ['Kiritimati, +14, a day ahead of most', windowsAt([TUE, '00:00']), 'Pacific/Kiritimati', '2025-01-13T09:59:59Z', '2025-01-14T00:00:00+14:00'],
    ['Sydney in January (summer, +11)', windowsAt([MON, '09:00']), 'Australia/Sydney', '2025-01-12T00:00:00Z', '2025-01-13T09:00:00+11:00'],
    ['Sydney in July (winter, +10)', windowsAt([MON, '09:00']), 'Australia/Sydney', '2025-07-06T00:00:00Z', '2025-07-07T09:00:00+10:00'],
  ])('%s', (...row) => expectDelivery(row));
});

describe('nextDeliveryAt across year ends and leap days', () => {
  // prettier-ignore
  it.each<Row>([
    ['Wednesday 31 Dec to Thursday 1 Jan', windowsAt([THU, '18:00']), 'Europe/London', '2025-12-31T19:00:00Z', '2026-01-01T18:00:00Z'],
    ['31 Dec just after its window: 7 Jan', windowsAt([WED, '00:00']), 'Europe/London', '2025-12-31T00:00:01Z', '2026-01-07T00:00:00Z'],
    ['New Year in Auckland while UTC is still in the old year', windowsAt([THU, '09:00']), 'Pacific/Auckland', '2025-12-31T12:00:00Z', '2026-01-01T09:00:00+13:00'],
    ['New Year in Honolulu is a day behind Auckland', windowsAt([THU, '09:00']), 'Pacific/Honolulu', '2025-12-31T12:00:00Z', '2026-01-01T09:00:00-10:00'],
    ['late 2027 into 2028, across the week boundary', windowsAt([MON, '07:00']), 'Europe/Berlin', '2027-12-28T10:00:00+01:00', '2028-01-03T07:00:00+01:00'],
    ['to the leap day, Tuesday 29 Feb 2028', windowsAt([TUE, '12:00']), 'America/New_York', '2028-02-28T13:00:00-05:00', '2028-02-29T12:00:00-05:00'],
    ['from the leap day to 7 March', windowsAt([TUE, '12:00']), 'America/New_York', '2028-02-29T12:00:01-05:00', '2028-03-07T12:00:00-05:00'],
    ['leap day at 23:59 to 1 March 00:00', windowsAt([WED, '00:00']), 'Asia/Kolkata', '2028-02-29T23:59:00+05:30', '2028-03-01T00:00:00+05:30'],
    ['28 Feb 2027 (no leap day) to 1 March', windowsAt([MON, '00:00']), 'UTC', '2027-02-28T12:00:00Z', '2027-03-01T00:00:00Z'],
  ])('%s', (...row) => expectDelivery(row));
});

describe('nextDeliveryAt across DST changes', () => {
  describe('America/New_York: 2025-03-09 02:00 EST jumps to 03:00 EDT', () => {
    // prettier-ignore
    it.each<Row>([
      ['02:30 does not exist: shifted forward by the gap to 03:30 EDT', windowsAt([SUN, '02:30']), 'America/New_York', '2025-03-08T12:00:00-05:00', '2025-03-09T03:30:00-04:00'],
      ['02:00 does not exist: 03:00 EDT', windowsAt([SUN, '02:00']), 'America/New_York', '2025-03-08T12:00:00-05:00', '2025-03-09T03:00:00-04:00'],
      ['02:59 does not exist: 03:59 EDT', windowsAt([SUN, '02:59']), 'America/New_York', '2025-03-08T12:00:00-05:00', '2025-03-09T03:59:00-04:00'],
      ['01:59 is the last EST minute', windowsAt([SUN, '01:59']), 'America/New_York', '2025-03-08T12:00:00-05:00', '2025-03-09T01:59:00-05:00'],
      ['03:00 is the first EDT minute', windowsAt([SUN, '03:00']), 'America/New_York', '2025-03-08T12:00:00-05:00', '2025-03-09T03:00:00-04:00'],
      ['sent at 03:10 EDT, before the shifted 02:30 window', windowsAt([SUN, '02:30']), 'America/New_York', '2025-03-09T03:10:00-04:00', '2025-03-09T03:30:00-04:00'],
      ['sent just after the shifted window: next Sunday 02:30 EDT', windowsAt([SUN, '02:30']), 'America/New_York', '2025-03-09T03:30:00.001-04:00', '2025-03-16T02:30:00-04:00'],
      ['an evening window keeps its wall time across the change', windowsAt([SUN, '18:00']), 'America/New_York', '2025-03-02T18:00:01-05:00', '2025-03-09T18:00:00-04:00'],
      ['a weekday window from EST into EDT', windowsAt([MON, '08:00']), 'America/New_York', '2025-03-07T12:00:00-05:00', '2025-03-10T08:00:00-04:00'],
    ])('%s', (...row) => expectDelivery(row));
  });

  describe('America/New_York: 2025-11-02 02:00 EDT falls back to 01:00 EST', () => {
    // prettier-ignore
    it.each<Row>([
      ['01:30 happens twice: the first (EDT)', windowsAt([SUN, '01:30']), 'America/New_York', '2025-11-01T12:00:00-04:00', '2025-11-02T01:30:00-04:00'],
      ['01:00 happens twice: the first (EDT)', windowsAt([SUN, '01:00']), 'America/New_York', '2025-11-01T12:00:00-04:00', '2025-11-02T01:00:00-04:00'],
      ['00:59 happens once', windowsAt([SUN, '00:59']), 'America/New_York', '2025-11-01T12:00:00-04:00', '2025-11-02T00:59:00-04:00'],
      ['02:00 happens once, in EST', windowsAt([SUN, '02:00']), 'America/New_York', '2025-11-01T12:00:00-04:00', '2025-11-02T02:00:00-05:00'],
      ['sent between the two 01:30s: the window has passed, next week', windowsAt([SUN, '01:30']), 'America/New_York', '2025-11-02T01:45:00-04:00', '2025-11-09T01:30:00-05:00'],
      ['sent at the second 01:30: next week', windowsAt([SUN, '01:30']), 'America/New_York', '2025-11-02T01:30:00-05:00', '2025-11-09T01:30:00-05:00'],
      ['a Sunday evening window after the change', windowsAt([SUN, '18:00']), 'America/New_York', '2025-11-02T00:00:00-04:00', '2025-11-02T18:00:00-05:00'],
    ])('%s', (...row) => expectDelivery(row));
  });

  describe('Europe/London: 2025-03-30 01:00 GMT jumps to 02:00 BST', () => {
    // prettier-ignore
    it.each<Row>([
      ['01:30 does not exist: 02:30 BST', windowsAt([SUN, '01:30']), 'Europe/London', '2025-03-29T12:00:00Z', '2025-03-30T02:30:00+01:00'],
      ['02:30 exists in London (the gap is 01:00-02:00)', windowsAt([SUN, '02:30']), 'Europe/London', '2025-03-29T12:00:00Z', '2025-03-30T02:30:00+01:00'],
      ['00:30 is still GMT', windowsAt([SUN, '00:30']), 'Europe/London', '2025-03-29T12:00:00Z', '2025-03-30T00:30:00Z'],
      ['Mon and Thu 18:00 moves from 18:00Z to 17:00Z', mondayAndThursdayAt18, 'Europe/London', '2025-03-28T12:00:00Z', '2025-03-31T18:00:00+01:00'],
    ])('%s', (...row) => expectDelivery(row));
  });

  describe('Europe/London: 2025-10-26 02:00 BST falls back to 01:00 GMT', () => {
    // prettier-ignore
    it.each<Row>([
      ['01:30 happens twice: the first (BST)', windowsAt([SUN, '01:30']), 'Europe/London', '2025-10-25T12:00:00Z', '2025-10-26T01:30:00+01:00'],
      ['sent between the two 01:30s: next week, in GMT', windowsAt([SUN, '01:30']), 'Europe/London', '2025-10-26T00:45:00Z', '2025-11-02T01:30:00Z'],
      ['Mon and Thu 18:00 moves from 17:00Z to 18:00Z', mondayAndThursdayAt18, 'Europe/London', '2025-10-24T12:00:00Z', '2025-10-27T18:00:00Z'],
    ])('%s', (...row) => expectDelivery(row));
  });

  describe('Australia/Sydney: opposite seasons', () => {
    // prettier-ignore
    it.each<Row>([
      ['2025-10-05 02:00 AEST jumps to 03:00: 02:30 becomes 03:30 AEDT', windowsAt([SUN, '02:30']), 'Australia/Sydney', '2025-10-04T12:00:00+10:00', '2025-10-05T03:30:00+11:00'],
      ['a Monday window in the first summer week', windowsAt([MON, '09:00']), 'Australia/Sydney', '2025-10-04T12:00:00+10:00', '2025-10-06T09:00:00+11:00'],
      ['2025-04-06 03:00 AEDT falls back to 02:00: 02:30 is first AEDT', windowsAt([SUN, '02:30']), 'Australia/Sydney', '2025-04-05T12:00:00+11:00', '2025-04-06T02:30:00+11:00'],
      ['sent between the two 02:30s: next week, AEST', windowsAt([SUN, '02:30']), 'Australia/Sydney', '2025-04-06T02:45:00+11:00', '2025-04-13T02:30:00+10:00'],
      ['03:00 after the fall-back happens once, AEST', windowsAt([SUN, '03:00']), 'Australia/Sydney', '2025-04-05T12:00:00+11:00', '2025-04-06T03:00:00+10:00'],
    ])('%s', (...row) => expectDelivery(row));
  });

  describe('Australia/Lord_Howe: a 30-minute DST shift', () => {
    // prettier-ignore
    it.each<Row>([
      ['2025-10-05 02:00 jumps to 02:30: 02:15 becomes 02:45 (+11)', windowsAt([SUN, '02:15']), 'Australia/Lord_Howe', '2025-10-04T12:00:00+10:30', '2025-10-05T02:45:00+11:00'],
      ['02:30 is the first minute after the gap', windowsAt([SUN, '02:30']), 'Australia/Lord_Howe', '2025-10-04T12:00:00+10:30', '2025-10-05T02:30:00+11:00'],
      ['2025-04-06 02:00 falls back to 01:30: 01:45 is first at +11', windowsAt([SUN, '01:45']), 'Australia/Lord_Howe', '2025-04-05T12:00:00+11:00', '2025-04-06T01:45:00+11:00'],
      ['sent between the two 01:45s: next week at +10:30', windowsAt([SUN, '01:45']), 'Australia/Lord_Howe', '2025-04-06T01:50:00+11:00', '2025-04-13T01:45:00+10:30'],
      ['01:29 happens once', windowsAt([SUN, '01:29']), 'Australia/Lord_Howe', '2025-04-05T12:00:00+11:00', '2025-04-06T01:29:00+11:00'],
    ])('%s', (...row) => expectDelivery(row));
  });

  describe('zones whose clocks change at midnight', () => {
    // prettier-ignore
    it.each<Row>([
      ['Havana 2025-03-09: 00:00 does not exist, 01:00 CDT', windowsAt([SUN, '00:00']), 'America/Havana', '2025-03-08T12:00:00-05:00', '2025-03-09T01:00:00-04:00'],
      ['Havana 2025-11-02: 00:30 happens twice, the first (CDT)', windowsAt([SUN, '00:30']), 'America/Havana', '2025-11-01T12:00:00-04:00', '2025-11-02T00:30:00-04:00'],
      ['Santiago 2025-09-07: 00:15 does not exist, 01:15', windowsAt([SUN, '00:15']), 'America/Santiago', '2025-09-06T12:00:00-04:00', '2025-09-07T01:15:00-03:00'],
      ['Santiago 2025-04-05: 23:30 happens twice, the first (-03)', windowsAt([SAT, '23:30']), 'America/Santiago', '2025-04-05T12:00:00-03:00', '2025-04-05T23:30:00-03:00'],
    ])('%s', (...row) => expectDelivery(row));
  });
});

describe('nextDeliveryAt agrees with Luxon wherever a wall time occurs exactly once', () => {
  // Windows away from the small hours, where no clock in these zones changes.
  const cadence = windowsAt([MON, '09:15'], [WED, '18:00'], [SAT, '23:59'], [SUN, '12:00'], [THU, '06:30']);
  const zones = [
    'UTC',
    'Europe/London',
    'America/New_York',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'America/Sao_Paulo',
    'Africa/Casablanca',
  ];

  function luxonReference(timeZone: string, sentAt: Date): number {
    const startOfSentDay = DateTime.fromJSDate(sentAt, { zone: timeZone }).startOf('day');
    let best = Number.POSITIVE_INFINITY;
    for (let dayOffset = 0; dayOffset <= 7; dayOffset++) {
      const weekday = ((startOfSentDay.weekday - 1 + dayOffset) % 7) + 1;
      if (cadence.mode !== 'windows') break;
      for (const window of cadence.windows) {
        if (window.weekday !== weekday) continue;
        const [hour, minute] = window.time.split(':').map(Number);
        const instant = startOfSentDay.plus({ days: dayOffset }).set({ hour, minute }).toMillis();
        if (instant >= sentAt.getTime()) best = Math.min(best, instant);
      }
    }
    return best;
  }

  // prettier-ignore
  it.each(zones)('%s, at 250 instants from 2024 to 2029', (timeZone) => {
    let seed = 20_240_101;
    const nextRandom = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const from = Date.UTC(2024, 0, 1);
    const span = Date.UTC(2029, 0, 1) - from;
    const disagreements: string[] = [];
    for (let sample = 0; sample < 250; sample++) {
      const sentAt = new Date(from + Math.floor(nextRandom() * span));
      const ours = nextDeliveryAt(cadence, timeZone, sentAt).getTime();
      const luxons = luxonReference(timeZone, sentAt);
      if (ours !== luxons) disagreements.push(`${sentAt.toISOString()}: ${ours} vs ${luxons}`);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('nextDeliveryAt refuses what it cannot compute', () => {
  // prettier-ignore
  it.each<[string, () => unknown]>([
    ['an unknown zone', () => nextDeliveryAt(mondayAndThursdayAt18, 'Mars/Olympus_Mons', at('2025-01-01T00:00:00Z'))],
    ['an empty zone', () => nextDeliveryAt({ mode: 'immediate' }, '', at('2025-01-01T00:00:00Z'))],
    ['an invalid date', () => nextDeliveryAt(mondayAndThursdayAt18, 'UTC', new Date(Number.NaN))],
    ['a windows cadence without windows', () => nextDeliveryAt({ mode: 'windows', windows: [] }, 'UTC', at('2025-01-01T00:00:00Z'))],
    [
      'a malformed time',
      () =>
        nextDeliveryAt({ mode: 'windows', windows: [{ weekday: 1, time: '7pm' }] }, 'UTC', at('2025-01-01T00:00:00Z')),
    ],
    [
      'a weekday outside 1..7',
      () =>
        nextDeliveryAt(
          { mode: 'windows', windows: [{ weekday: 9 as CadenceWeekday, time: '07:00' }] },
          'UTC',
          at('2025-01-01T00:00:00Z'),
        ),
    ],
  ])('%s', (_name, compute) => {
    expect(compute).toThrow(RangeError);
  });
});
