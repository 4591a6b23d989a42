import { describe, expect, it } from 'vitest';
import { countOf, formatClockTime, formatDateTime } from './format';

describe('times on screen', () => {
  it('writes a date and time on the 24-hour clock, as every other time in the app', () => {
    const text = formatDateTime('2026-12-01T16:43:00.000Z', 'UTC');
    expect(text).toMatch(/16:43/);
    expect(text).not.toMatch(/PM|AM/i);
    expect(formatClockTime(new Date('2026-12-01T16:43:00.000Z'), 'UTC')).toBe('16:43');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('countOf', () => {
  it('says one thing in the singular and any other count in the plural', () => {
    expect(countOf(1, 'message')).toBe('1 message');
    expect(countOf(0, 'message')).toBe('0 messages');
    expect(countOf(3, 'urgent message')).toBe('3 urgent messages');
    expect(countOf(2, 'child', 'children')).toBe('2 children');
  });
});
