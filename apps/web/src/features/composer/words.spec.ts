import { describe, expect, it } from 'vitest';
import { caseDetail } from '../../test/fixtures';
import { DraftKey } from './draftKey';
import { formatWhen, sentWords, termsWords } from './words';

const NOW = new Date('2026-05-12T10:00:00.000Z');

describe('formatWhen', () => {
  it('names the weekday and time in the case zone, the date when it is further off', () => {
    expect(formatWhen('2026-05-14T16:00:00.000Z', 'Europe/Berlin', NOW)).toBe('Thu 18:00 (Europe/Berlin time)');
    expect(formatWhen('2026-05-14T16:00:00.000Z', 'UTC', NOW)).toBe('Thu 16:00');
    expect(formatWhen('2026-06-02T16:00:00.000Z', 'UTC', NOW)).toBe('Tue 2 Jun 16:00');
    expect(formatWhen('not a date', 'UTC', NOW)).toBe('not a date');
  });
});

describe('words', () => {
  it('falls back on the shared urgent allowance, and guesses nothing else', () => {
    const words = termsWords(caseDetail({ terms: { ...caseDetail().terms, urgentPer30Days: 1 } }));
    expect(words?.urgent).toBe('Up to 1 urgent message in 30 days');
    expect(words?.sends).toBeNull();
    expect(words?.delivery(false)).toBeNull();
    expect(words?.delivery(true)).toBe('Urgent: delivered as soon as it is sent.');
  });

  it('says where a sent message is', () => {
    expect(sentWords({ deliverAt: NOW.toISOString(), deliveredAt: NOW.toISOString() }, 'UTC', NOW)).toBe(
      'Sent. It has been delivered.',
    );
  });
});

describe('DraftKey', () => {
  it('is made when the draft starts, kept for the same content, renewed once settled or when the content changes', () => {
    let made = 0;
    const key = new DraftKey(() => `key-${++made}`);
    expect(key.peek()).toBeNull();
    key.start();
    expect(key.peek()).toBe('key-1');
    key.start();
    expect(key.forSend('a')).toBe('key-1');
    expect(key.forSend('a')).toBe('key-1');
    expect(key.forSend('a, edited')).toBe('key-2');
    key.settle();
    expect(key.peek()).toBeNull();
    expect(key.forSend('b')).toBe('key-3');
  });
});
