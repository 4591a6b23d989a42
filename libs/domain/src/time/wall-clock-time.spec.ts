import { WALL_CLOCK_TIME_PATTERN, isWallClockTime, parseWallClockTime } from './wall-clock-time';

describe('parseWallClockTime', () => {
  it.each([
    ['00:00', 0, 0, 0],
    ['00:01', 0, 1, 1],
    ['09:30', 9, 30, 570],
    ['12:00', 12, 0, 720],
    ['19:59', 19, 59, 1199],
    ['23:59', 23, 59, 1439],
  ])('reads %s as %i:%i, %i minutes into the day', (text, hour, minute, minutesIntoDay) => {
    expect(parseWallClockTime(text)).toEqual({ hour, minute, minutesIntoDay });
    expect(isWallClockTime(text)).toBe(true);
    expect(WALL_CLOCK_TIME_PATTERN.test(text)).toBe(true);
  });

  it.each([
    ['24:00', 'midnight at the end of the day'],
    ['23:60', 'minute 60'],
    ['18:6', 'a one-digit minute'],
    ['7:00', 'a one-digit hour'],
    ['07:00:00', 'seconds'],
    ['07.00', 'another separator'],
    ['0700', 'no separator'],
    [' 07:00', 'a leading space'],
    ['07:00 ', 'a trailing space'],
    ['07:00\n', 'a trailing line break'],
    ['7pm', 'a 12-hour time'],
    ['', 'nothing'],
    ['-1:00', 'a negative hour'],
    ['٠٧:٠٠', 'digits of another script'],
  ])('refuses %j (%s)', (text) => {
    expect(parseWallClockTime(text)).toBeNull();
    expect(isWallClockTime(text)).toBe(false);
  });

  it.each([[null], [undefined], [700], [{ hour: 7, minute: 0 }]])('refuses the non-string %j', (value) => {
    expect(parseWallClockTime(value)).toBeNull();
    expect(isWallClockTime(value)).toBe(false);
  });
});
