import { formatRecordTime } from '@parallel/domain';
import { ZoneTimes } from './zone-times';

describe('ZoneTimes', () => {
  // Every quarter hour across both clock changes of a year, in zones with whole, half and quarter-hour offsets.
  it.each(['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC', 'America/St_Johns'])(
    'writes what formatRecordTime writes, in %s',
    (zone) => {
      const times = new ZoneTimes(zone);
      const mismatches: string[] = [];
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 29 * 60 * 1000 + 13_000) {
        const iso = new Date(ms).toISOString();
        const expected = formatRecordTime(iso, zone);
        if (times.format(iso) !== expected) mismatches.push(`${iso}: ${times.format(iso)} != ${expected}`);
        if (mismatches.length > 5) break;
      }
      expect(mismatches).toEqual([]);
    },
  );

  it('gives the day in the zone', () => {
    const times = new ZoneTimes('Europe/London');
    expect(times.day('2026-07-01T23:30:00.000Z')).toBe('2026-07-02');
    expect(times.day('2026-01-01T23:30:00.000Z')).toBe('2026-01-01');
  });
});
