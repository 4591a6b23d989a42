import { describe, expect, it } from 'vitest';
import type { Message } from '../../api/types';
import { appendOlder, mergeNewest, updateMessage, upsertMessage } from './messageList';
import type { MessagePage } from './messagesApi';

/** Message n was sent n minutes after 09:00; higher n is newer. */
function m(n: number, overrides: Partial<Message> = {}): Message {
  const sentAt = new Date(Date.UTC(2026, 10, 2, 9, n)).toISOString();
  return {
    id: `m${String(n).padStart(3, '0')}`,
    caseId: 'c1',
    senderId: 'u2',
    recipientId: 'u1',
    direction: 'received',
    topic: 'school',
    text: `message ${n}`,
    urgent: false,
    sentAt,
    deliverAt: sentAt,
    deliveredAt: sentAt,
    readAt: null,
    status: 'delivered',
    ...overrides,
  };
}

const page = (numbers: number[], nextCursor: string | null = null): MessagePage => ({
  items: numbers.map((n) => m(n)),
  nextCursor,
});
const numbers = (list: MessagePage) => list.items.map((message) => Number(message.id.slice(1)));

describe('appendOlder', () => {
  it('adds the next page below and takes its cursor', () => {
    const next = appendOlder(page([9, 8, 7], 'c1'), page([6, 5, 4], 'c2'));
    expect(numbers(next)).toEqual([9, 8, 7, 6, 5, 4]);
    expect(next.nextCursor).toBe('c2');
  });

  it('does not repeat a message already shown (released live, then paged to) and keeps the order', () => {
    const withLiveArrival = upsertMessage(page([9, 8, 7], 'c1'), m(5));
    const next = appendOlder(withLiveArrival, page([6, 5, 4], null));
    expect(numbers(next)).toEqual([9, 8, 7, 6, 5, 4]);
    expect(next.nextCursor).toBeNull();
  });
});

describe('mergeNewest', () => {
  it('puts new messages on top and keeps the pages loaded below', () => {
    const loaded = page([9, 8, 7, 6, 5, 4], 'older');
    const merged = mergeNewest(loaded, page([11, 10, 9], 'after-9'));
    expect(numbers(merged)).toEqual([11, 10, 9, 8, 7, 6, 5, 4]);
    expect(merged.nextCursor).toBe('older');
  });

  it('replaces loaded copies with fresher ones (a read time that arrived)', () => {
    const merged = mergeNewest(page([3, 2, 1]), {
      items: [m(3), m(2, { readAt: '2026-11-02T10:00:00Z', status: 'read' })],
      nextCursor: 'after-2',
    });
    expect(merged.items[1]?.status).toBe('read');
    expect(numbers(merged)).toEqual([3, 2, 1]);
    expect(merged.nextCursor).toBeNull();
  });

  it('starts again from the first page when more arrived than a page holds, so no gap is hidden', () => {
    const merged = mergeNewest(page([3, 2, 1]), page([30, 29, 28], 'after-28'));
    expect(numbers(merged)).toEqual([30, 29, 28]);
    expect(merged.nextCursor).toBe('after-28');
  });

  it('takes the first page as it is when nothing was loaded', () => {
    expect(numbers(mergeNewest(page([]), page([2, 1])))).toEqual([2, 1]);
  });
});

describe('upsertMessage and updateMessage', () => {
  it('puts a message just sent in its place by time', () => {
    expect(numbers(upsertMessage(page([9, 5]), m(7)))).toEqual([9, 7, 5]);
  });

  it('replaces a message it already has', () => {
    const next = upsertMessage(page([9, 5]), m(5, { text: 'fresh' }));
    expect(next.items.map((message) => message.text)).toEqual(['message 9', 'fresh']);
  });

  it('changes one loaded message, and nothing when it is not loaded', () => {
    const loaded = page([9, 5]);
    const read = updateMessage(loaded, 'm005', (message) => ({ ...message, status: 'read' }));
    expect(read.items.map((message) => message.status)).toEqual(['delivered', 'read']);
    expect(updateMessage(loaded, 'm777', (message) => message)).toBe(loaded);
  });
});
