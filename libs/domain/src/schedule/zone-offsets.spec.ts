import { MINUTE_MS, requireZone, wallTimeToInstant } from '../time';
import { offsetMsAt, tableWallTimeToInstant } from './zone-offsets';

/** The table must answer exactly as Luxon and time/zoned-time do, everywhere, edges included. */
describe('zone offset tables', () => {
  const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'Africa/Casablanca'];

  it.each(zones)('%s: the offset of every hour of 2026, and of random instants 1990-2040, is Luxon’s', (name) => {
    const zone = requireZone(name);
    const from = Date.UTC(2026, 0, 1);
    for (let at = from; at < Date.UTC(2027, 0, 1); at += 60 * MINUTE_MS) {
      if (offsetMsAt(zone, at) !== zone.offset(at) * MINUTE_MS) throw new Error(`${name} at ${new Date(at).toISOString()}`);
    }
    let seed = 12345;
    for (let i = 0; i < 200; i += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const at = Date.UTC(1990, 0, 1) + Math.floor((seed / 2 ** 31) * 50 * 365 * 86_400_000);
      expect(offsetMsAt(zone, at)).toBe(zone.offset(at) * MINUTE_MS);
    }
  });

  it.each(zones)('%s: a wall time resolves to the same instant as wallTimeToInstant, each 5 minutes of the days of 2026’s changes, and noon of every day', (name) => {
    const zone = requireZone(name);
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
      const changes = zone.offset(day) !== zone.offset(day + 86_400_000) || zone.offset(day - 86_400_000) !== zone.offset(day);
      const walls = changes ? Array.from({ length: 288 }, (_, i) => day + i * 5 * MINUTE_MS) : [day + 12 * 60 * MINUTE_MS];
      for (const wall of walls) {
        const expected = wallTimeToInstant(zone, wall);
        if (tableWallTimeToInstant(zone, wall) !== expected) throw new Error(`${name} wall ${new Date(wall).toISOString()}`);
      }
    }
  });
});
