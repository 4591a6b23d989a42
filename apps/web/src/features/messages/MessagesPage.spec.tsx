import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HeldBack, Message, Thread } from '../../api/types';
import { alex, CASE_ID, caseDetail, sam } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { CannedAnswer, TestApi } from '../../test/testApi';
import type { CaseEvent } from '../live/useCaseEvents';

// The live connection is another feature's; here it is a seam the test drives by hand.
const live = vi.hoisted(() => ({
  onEvent: null as ((event: CaseEvent) => void) | null,
  onReconnect: null as (() => void) | null,
}));
vi.mock('../live/useCaseEvents', () => ({
  useCaseEvents: (_caseId: string, onEvent: (event: CaseEvent) => void, options: { onReconnect?: () => void } = {}) => {
    live.onEvent = onEvent;
    live.onReconnect = options.onReconnect ?? null;
    return { connected: true };
  },
}));

let api: TestApi | undefined;

beforeEach(() => {
  // Monday 2 November 2026, 10:00 in Berlin is 09:00 UTC; only the date is pinned, timers run.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-02T09:00:00Z'));
});

afterEach(async () => {
  vi.useRealTimers();
  await api?.close();
  api = undefined;
});

const base = `/api/cases/${CASE_ID}`;

function message(n: number, overrides: Partial<Message> = {}): Message {
  const sentAt = new Date(Date.UTC(2026, 10, 2, 7, n)).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    caseId: CASE_ID,
    senderId: sam.id,
    recipientId: alex.id,
    direction: 'received',
    topic: 'school',
    text: `School note ${n}`,
    urgent: false,
    sentAt,
    deliverAt: sentAt,
    deliveredAt: sentAt,
    readAt: null,
    status: 'delivered',
    ...overrides,
  };
}

const threads: Thread[] = [
  { topic: 'school', count: 3, unread: 2, lastAt: '2026-11-02T07:03:00Z' },
  { topic: 'health', count: 1, unread: 0, lastAt: '2026-11-01T07:00:00Z' },
];

function answers(extra: Record<string, CannedAnswer> = {}): Record<string, CannedAnswer> {
  return {
    [`GET ${base}`]: { status: 200, body: caseDetail() },
    [`GET ${base}/threads`]: { status: 200, body: { items: threads } },
    [`GET ${base}/messages?box=inbox&limit=20`]: {
      status: 200,
      body: {
        items: [message(3), message(2, { readAt: '2026-11-02T07:30:00Z', status: 'read' })],
        nextCursor: 'page-2',
      },
    },
    [`GET ${base}/messages?box=inbox&cursor=page-2&limit=20`]: {
      status: 200,
      body: { items: [message(1, { topic: 'health', urgent: true })], nextCursor: null },
    },
    [`GET ${base}/held-back/summary`]: {
      status: 200,
      body: { mine: { today: 0, total: 0 }, other: { today: 4, total: 4 } },
    },
    ...extra,
  };
}

describe('the case page opens on the messages', () => {
  it('shows topics with unread counts, and received messages newest first', async () => {
    api = await renderApp(`/cases/${CASE_ID}`, answers(), alex);

    const topics = await screen.findByRole('navigation', { name: 'Topics' });
    expect(await within(topics).findByRole('link', { name: 'School 2 unread' })).toBeTruthy();
    expect(within(topics).getByRole('link', { name: 'Health' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Received (2 unread)' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Messages' }).getAttribute('aria-current')).toBe('page');

    const items = await screen.findAllByRole('article');
    expect(items).toHaveLength(2);
    // Not opened yet: topic and time only, until the parent chooses to open it.
    expect(within(items[0]!).getByText('Received Mon 08:03, not opened yet')).toBeTruthy();
    expect(within(items[0]!).queryByText('School note 3')).toBeNull();
    // Opened before: the text is there.
    expect(within(items[1]!).getByText('School note 2')).toBeTruthy();
    expect(within(items[1]!).getByText('Received Mon 08:02, opened Mon 08:30')).toBeTruthy();
  });

  it('records the first read only when the parent opens a message', async () => {
    const opened = message(3, { readAt: '2026-11-02T09:00:00Z', status: 'read' });
    api = await renderApp(
      `/cases/${CASE_ID}`,
      answers({ [`POST ${base}/messages/${opened.id}/read`]: { status: 200, body: opened } }),
      alex,
    );

    const [first] = await screen.findAllByRole('article');
    expect(api.requests.some((request) => request.method === 'POST')).toBe(false);
    fireEvent.click(within(first!).getByRole('button', { name: 'Open message' }));

    expect(await within(first!).findByText('School note 3')).toBeTruthy();
    await waitFor(() => expect(within(first!).getByText('Received Mon 08:03, opened Mon 10:00')).toBeTruthy());
    expect(api.requests.filter((request) => request.method === 'POST').map((request) => request.url)).toEqual([
      `${base}/messages/${opened.id}/read`,
    ]);
  });

  it('pages to older messages with "Show older messages", and says when there are no more', async () => {
    api = await renderApp(`/cases/${CASE_ID}`, answers(), alex);

    fireEvent.click(await screen.findByRole('button', { name: 'Show older messages' }));

    expect(await screen.findByText('These are all the messages here.')).toBeTruthy();
    const items = screen.getAllByRole('article');
    expect(items).toHaveLength(3);
    expect(within(items[2]!).getByText('Urgent')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show older messages' })).toBeNull();
  });

  it('tells the recipient how many were held back, and shows their texts only when asked', async () => {
    const attempt: HeldBack = {
      id: '00000000-0000-4000-8000-0000000000aa',
      senderId: sam.id,
      topic: 'schedule',
      text: 'Answer me now.',
      // (the shield may fold this sentence; the test looks for the attempt itself)
      urgent: false,
      attemptedAt: '2026-11-02T08:00:00Z',
      reason: 'quota_exceeded',
      retryAt: '2026-11-02T23:00:00Z',
    };
    api = await renderApp(
      `/cases/${CASE_ID}`,
      answers({ [`GET ${base}/held-back?of=other`]: { status: 200, body: { items: [attempt], nextCursor: null } } }),
      alex,
    );

    expect(await screen.findByText('4 messages over the limits were held back for the record today.')).toBeTruthy();
    expect(screen.queryByText('Attempted Mon 09:00')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show the texts of these 4 held-back messages' }));

    expect(await screen.findByText('Attempted Mon 09:00')).toBeTruthy();
    expect(screen.getByText('Held back, never delivered. Kept in the record.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide the held-back texts' })).toBeTruthy();
  });

  it('shows nothing about held-back messages when the API does not summarise them (404)', async () => {
    api = await renderApp(
      `/cases/${CASE_ID}`,
      answers({
        [`GET ${base}/held-back/summary`]: {
          status: 404,
          body: { statusCode: 404, error: 'Not Found', message: 'Cannot GET' },
        },
      }),
      alex,
    );

    await screen.findAllByRole('article');
    expect(screen.queryByText(/held back/)).toBeNull();
  });
});

describe('the sent box', () => {
  const held = message(5, {
    direction: 'sent',
    senderId: alex.id,
    recipientId: sam.id,
    deliverAt: '2026-11-05T17:00:00Z',
    deliveredAt: null,
    status: 'held',
  });
  const delivered = message(4, { direction: 'sent', senderId: alex.id, recipientId: sam.id });
  const ownAttempt: HeldBack = {
    id: '00000000-0000-4000-8000-0000000000bb',
    senderId: alex.id,
    topic: 'school',
    text: 'One more thing.',
    urgent: false,
    attemptedAt: '2026-11-02T08:30:00Z',
    reason: 'quota_exceeded',
    retryAt: '2026-11-02T23:00:00Z',
  };
  const sentAnswers = answers({
    [`GET ${base}/messages?box=sent&limit=20`]: { status: 200, body: { items: [held, delivered], nextCursor: null } },
    // The other parent's inbox takes 5 a day (their own term), whatever the case's older terms said.
    [`GET ${base}/messages/allowance`]: { status: 200, body: { dailyQuota: 5 } },
    // An API that still lists both parents' attempts here: only one's own are shown.
    [`GET ${base}/held-back`]: {
      status: 200,
      body: {
        items: [ownAttempt, { ...ownAttempt, id: 'other', senderId: sam.id, text: 'Not mine.' }],
        nextCursor: null,
      },
    },
  });

  it("says each message's state in plain words, and the sender's own held-back attempts with the reason", async () => {
    api = await renderApp(`/cases/${CASE_ID}?box=sent`, sentAnswers, alex);

    expect(await screen.findByText('Held until Thu 18:00')).toBeTruthy();
    expect(screen.getByText('Delivered Mon 08:04')).toBeTruthy();
    expect(
      await screen.findByText("Not delivered: today's limit of 5 messages was reached. Kept in the record."),
    ).toBeTruthy();
    expect(screen.getByText('One more thing.')).toBeTruthy();
    expect(screen.queryByText('Not mine.')).toBeNull();
  });

  it('shows a read receipt that arrives live, without a reload', async () => {
    api = await renderApp(`/cases/${CASE_ID}?box=sent`, sentAnswers, alex);
    await screen.findByText('Delivered Mon 08:04');

    act(() =>
      live.onEvent?.({
        name: 'message.read',
        payload: { caseId: CASE_ID, messageId: delivered.id, readAt: '2026-11-02T08:45:00Z' },
      }),
    );

    expect(await screen.findByText('Read Mon 09:45')).toBeTruthy();
    expect(screen.queryByText('Delivered Mon 08:04')).toBeNull();
  });
});

describe('live arrivals', () => {
  it('adds a released message to the list and offers one quiet line that goes to it', async () => {
    const arrived = message(9, { topic: 'health', text: 'Dentist moved to 16:00.' });
    api = await renderApp(
      `/cases/${CASE_ID}`,
      answers({ [`GET ${base}/messages/${arrived.id}`]: { status: 200, body: arrived } }),
      alex,
    );
    await screen.findAllByRole('article');

    act(() =>
      live.onEvent?.({
        name: 'message.released',
        payload: { caseId: CASE_ID, messages: [{ id: arrived.id, topic: 'health' }] },
      }),
    );

    const line = await screen.findByRole('link', { name: '1 new message' });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3));
    expect(screen.getByText('New')).toBeTruthy();
    fireEvent.click(line);
    await waitFor(() => expect(document.activeElement?.id).toBe(`message-${arrived.id}`));
    expect(screen.queryByRole('link', { name: '1 new message' })).toBeNull();
  });

  it('reads the first page and the topics again after a reconnect', async () => {
    api = await renderApp(`/cases/${CASE_ID}`, answers(), alex);
    await screen.findAllByRole('article');
    const before = api.requests.length;

    act(() => live.onReconnect?.());

    await waitFor(() =>
      expect(
        api!.requests
          .slice(before)
          .map((request) => request.url)
          .sort(),
      ).toEqual([`${base}/messages?box=inbox&limit=20`, `${base}/threads`]),
    );
  });
});
