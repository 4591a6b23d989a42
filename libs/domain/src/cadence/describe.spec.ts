import { describeCadence } from './describe';
import type { Cadence, CadenceWeekday } from './terms';

function windowsAt(...entries: [CadenceWeekday, string][]): Cadence {
  return { mode: 'windows', windows: entries.map(([weekday, time]) => ({ weekday, time })) };
}

describe('describeCadence', () => {
  // prettier-ignore
  it.each<[Cadence, string]>([
    [{ mode: 'immediate' }, 'immediately'],
    [windowsAt([7, '09:30']), 'Sun at 09:30'],
    [windowsAt([1, '18:00'], [4, '18:00']), 'Mon and Thu at 18:00'],
    [windowsAt([4, '18:00'], [1, '18:00']), 'Mon and Thu at 18:00'],
    [windowsAt([1, '18:00'], [3, '18:00'], [5, '18:00']), 'Mon, Wed and Fri at 18:00'],
    [windowsAt([1, '20:00'], [2, '20:00'], [3, '20:00'], [4, '20:00'], [5, '20:00'], [6, '20:00'], [7, '20:00']), 'every day at 20:00'],
    [windowsAt([1, '18:00'], [1, '08:00'], [4, '08:00'], [4, '18:00']), 'Mon and Thu at 08:00 and 18:00'],
    [windowsAt([1, '08:00'], [1, '18:00'], [6, '10:00']), 'Mon at 08:00 and 18:00; Sat at 10:00'],
    [windowsAt([2, '18:00'], [6, '10:00'], [4, '18:00']), 'Tue and Thu at 18:00; Sat at 10:00'],
    [windowsAt([2, '00:00'], [2, '23:59']), 'Tue at 00:00 and 23:59'],
    [windowsAt([5, '17:00'], [5, '17:00']), 'Fri at 17:00'],
    [windowsAt(), 'never'],
  ])('%j reads "%s"', (cadence, expected) => {
    expect(describeCadence(cadence)).toBe(expected);
  });
});
