import { describe, expect, it } from 'vitest';
import type { Message } from '../../api/types';
import { heldBackReason, heldBackSummaryLine, messageState, newMessagesLine, shortWhen } from './messageWords';

// Monday 2 November 2026, 10:00 in London (GMT, UTC+0); Berlin is an hour ahead.
const NOW = new Date('2026-11-02T10:00:00Z');

function message(overrides: Partial<Message>): Message {
  return {
    id: 'm1',
    caseId: 'c1',
    senderId: 'u1',
    recipientId: 'u2',
    direction: 'sent',
    topic: 'school',
    text: 'Pick-up is at 15:30 on Friday.',
    urgent: false,
    sentAt: '2026-11-02T09:00:00Z',
    deliverAt: '2026-11-02T09:00:00Z',
    deliveredAt: '2026-11-02T09:00:00Z',
    readAt: null,
    status: 'delivered',
    ...overrides,
  };
}

describe('shortWhen', () => {
  it.each([
    ['the same day', '2026-11-02T09:05:00Z', 'Europe/London', 'Mon 09:05'],
    ['later this week', '2026-11-05T18:00:00Z', 'Europe/London', 'Thu 18:00'],
    ['six days ago', '2026-10-27T08:00:00Z', 'Europe/London', 'Tue 08:00'],
    ['seven days ahead', '2026-11-09T18:00:00Z', 'Europe/London', '9 Nov 18:00'],
    ['in the case zone, not UTC', '2026-11-05T17:00:00Z', 'Europe/Berlin', 'Thu 18:00'],
    ['across midnight in the zone', '2026-11-01T23:30:00Z', 'Europe/Berlin', 'Mon 00:30'],
    ['another year', '2025-12-24T12:00:00Z', 'Europe/London', '24 Dec 2025 12:00'],
  ])('%s', (_case, iso, zone, expected) => {
    expect(shortWhen(iso, NOW, zone)).toBe(expected);
  });

  it('leaves text that is not a time as it is', () => {
    expect(shortWhen('soon', NOW, 'Europe/London')).toBe('soon');
  });
});

describe('messageState, for the sender', () => {
  it('says until when a message is held for its window', () => {
    const held = message({ deliverAt: '2026-11-05T18:00:00Z', deliveredAt: null, status: 'held' });
    expect(messageState(held, NOW, 'Europe/London')).toBe('Held until Thu 18:00');
  });

  it('says when it was delivered', () => {
    expect(messageState(message({ deliveredAt: '2026-11-02T09:05:00Z' }), NOW, 'Europe/London')).toBe(
      'Delivered Mon 09:05',
    );
  });

  it('says when it was read, when the API gives the sender a read time', () => {
    const read = message({ deliveredAt: '2026-11-02T09:05:00Z', readAt: '2026-11-02T09:30:00Z', status: 'read' });
    expect(messageState(read, NOW, 'Europe/London')).toBe('Read Mon 09:30');
  });
});

describe('messageState, for the recipient', () => {
  it('says when it arrived and that it is not opened yet', () => {
    const received = message({ direction: 'received', deliveredAt: '2026-11-02T09:05:00Z' });
    expect(messageState(received, NOW, 'Europe/London')).toBe('Received Mon 09:05, not opened yet');
  });

  it('says when they opened it', () => {
    const opened = message({
      direction: 'received',
      deliveredAt: '2026-11-02T09:05:00Z',
      readAt: '2026-11-02T09:40:00Z',
      status: 'read',
    });
    expect(messageState(opened, NOW, 'Europe/London')).toBe('Received Mon 09:05, opened Mon 09:40');
  });
});

describe('held-back words', () => {
  it.each([
    [
      'quota_exceeded',
      { dailyQuota: 5 },
      "Not delivered: today's limit of 5 messages was reached. Kept in the record.",
    ],
    ['quota_exceeded', { dailyQuota: 1 }, "Not delivered: today's limit of 1 message was reached. Kept in the record."],
    ['quota_exceeded', {}, "Not delivered: today's limit was reached. Kept in the record."],
    [
      'urgent_limit_reached',
      { urgentPer30Days: 2 },
      'Not delivered: the limit of 2 urgent messages in 30 days was reached. Kept in the record.',
    ],
    ['urgent_disabled', {}, 'Not delivered: urgent messages are turned off in this case. Kept in the record.'],
  ] as const)('%s with %o', (reason, limits, expected) => {
    expect(heldBackReason({ reason }, limits)).toBe(expected);
  });

  it('gives the recipient a count, in one calm line', () => {
    expect(heldBackSummaryLine({ total: 1, today: 1 })).toBe(
      '1 message over the limits was held back for the record today',
    );
    expect(heldBackSummaryLine({ total: 4, today: 4 })).toBe(
      '4 messages over the limits were held back for the record today',
    );
    expect(heldBackSummaryLine({ total: 4, today: 0 })).toBe(
      '4 messages over the limits were held back for the record',
    );
    expect(heldBackSummaryLine({ total: 6, today: 2 })).toBe(
      '6 messages over the limits were held back for the record, 2 of them today',
    );
  });

  it('counts new arrivals', () => {
    expect(newMessagesLine(1)).toBe('1 new message');
    expect(newMessagesLine(3)).toBe('3 new messages');
  });
});
