import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, UNREACHABLE } from '../../api/client';
import type { Message } from '../../api/types';
import { CASE_ID, caseDetail } from '../../test/fixtures';
import { startTestApi, type CannedAnswer, type TestApi } from '../../test/testApi';
import { loadAnalyzer } from '../nudges/loadAnalyzer';
import { Composer } from './Composer';
import { createComposerApi, type Allowance, type ComposerApi } from './composerApi';

// Tuesday 12 May 2026, 10:00 UTC (12:00 in the case's zone, Europe/Berlin).
const NOW = new Date('2026-05-12T10:00:00.000Z');
// Thursday 14 May 2026, 18:00 in Berlin.
const THURSDAY_WINDOW = '2026-05-14T16:00:00.000Z';

const CASE_PATH = `/api/cases/${CASE_ID}`;
const SEND = `POST ${CASE_PATH}/messages`;
const ALLOWANCE = `GET ${CASE_PATH}/messages/allowance`;

function allowance(overrides: Partial<Allowance> = {}): Allowance {
  return {
    dailyQuota: 5,
    sentToday: 2,
    remainingToday: 3,
    nextSendAt: null,
    urgentPer30Days: 2,
    urgentRemaining: 2,
    nextUrgentAt: null,
    deliveryMode: 'windows',
    deliverAtIfSentNow: THURSDAY_WINDOW,
    ...overrides,
  };
}

function stored(text: string): Message {
  return {
    id: '0b8a3c57-2f7e-4d7b-9d43-0c7b8d1e2f30',
    caseId: CASE_ID,
    senderId: 'u1',
    recipientId: 'u2',
    direction: 'sent',
    topic: 'schedule',
    text,
    urgent: false,
    sentAt: NOW.toISOString(),
    deliverAt: THURSDAY_WINDOW,
    deliveredAt: null,
    readAt: null,
    status: 'held',
  };
}

const accepted = (text: string): CannedAnswer => ({ status: 201, body: stored(text) });

let server: TestApi;
let answers: Record<string, CannedAnswer>;

async function start(extra: Record<string, CannedAnswer> = {}) {
  answers = {
    [`GET ${CASE_PATH}`]: { status: 200, body: caseDetail() },
    [ALLOWANCE]: { status: 200, body: allowance() },
    [SEND]: accepted('Pick-up is at 5pm on Friday.'),
    ...extra,
  };
  server = await startTestApi(answers);
  return createComposerApi(server.baseUrl);
}

const sends = () => server.requests.filter((request) => `${request.method} ${request.url}` === SEND);
const keyOf = (index: number) => sends()[index]?.headers['idempotency-key'];

function type(text: string) {
  fireEvent.change(screen.getByLabelText('Message'), { target: { value: text } });
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  // The analyzer's chunk, loaded once for all tests (the page warms it when idle).
  await loadAnalyzer();
});

afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
});

describe('Composer: the terms before writing', () => {
  it('says how many sends are left today, urgent left in 30 days, and when a message sent now arrives', async () => {
    render(<Composer caseId={CASE_ID} api={await start()} />);
    expect(await screen.findByText('3 of 5 messages left today')).toBeTruthy();
    expect(screen.getByText('2 urgent messages left in 30 days')).toBeTruthy();
    expect(screen.getByText('Will be delivered Thu 18:00 (Europe/Berlin time)')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Urgent: deliver at once'));
    expect(screen.getByText('Urgent: delivered as soon as it is sent.')).toBeTruthy();
  });

  it('offers the seven topics in words', async () => {
    render(<Composer caseId={CASE_ID} api={await start()} />);
    const topics = within(screen.getByLabelText('Topic')).getAllByRole('option');
    expect(topics.map((option) => option.textContent)).toEqual([
      'Schedule',
      'Health',
      'School',
      'Activities',
      'Expenses',
      'Travel',
      'Something else about the children',
    ]);
  });

  it('says when none are left, and when urgent is one or none', async () => {
    const api = await start({
      [ALLOWANCE]: {
        status: 200,
        body: allowance({
          remainingToday: 0,
          sentToday: 5,
          nextSendAt: '2026-05-12T22:00:00.000Z',
          urgentRemaining: 1,
        }),
      },
    });
    render(<Composer caseId={CASE_ID} api={api} />);
    expect(
      await screen.findByText('No messages left today. The next can be sent Wed 00:00 (Europe/Berlin time).'),
    ).toBeTruthy();
    expect(screen.getByText('1 urgent message left in 30 days')).toBeTruthy();
  });

  it('does not offer urgent when the case has it turned off', async () => {
    render(
      <Composer
        caseId={CASE_ID}
        api={await start({ [ALLOWANCE]: { status: 200, body: allowance({ urgentPer30Days: 0, urgentRemaining: 0 }) } })}
      />,
    );
    expect(await screen.findByText('Urgent messages are turned off in this case.')).toBeTruthy();
    expect(screen.queryByLabelText('Urgent: deliver at once')).toBeNull();
  });

  it('falls back to the case terms while the allowance endpoint is not there', async () => {
    render(
      <Composer
        caseId={CASE_ID}
        api={await start({ [ALLOWANCE]: { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'x' } } })}
      />,
    );
    expect(await screen.findByText('Up to 2 urgent messages in 30 days')).toBeTruthy();
    expect(screen.queryByText(/left today|Will be delivered/)).toBeNull();
    // Sending still works.
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'Pick-up is at 5pm on Friday.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Sent. It will be delivered Thu 18:00 (Europe/Berlin time).')).toBeTruthy();
  });
});

describe('Composer: sending', () => {
  it('sends a grey-rock draft at once, with an Idempotency-Key, and says when it will arrive', async () => {
    const onSent = vi.fn();
    render(<Composer caseId={CASE_ID} api={await start()} onSent={onSent} />);
    type('Pick-up is at 5pm on Friday.');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Sent. It will be delivered Thu 18:00 (Europe/Berlin time).')).toBeTruthy();
    expect(sends()).toHaveLength(1);
    expect(sends()[0]!.body).toEqual({ topic: 'schedule', text: 'Pick-up is at 5pm on Friday.', urgent: false });
    expect(keyOf(0)).toMatch(/^[0-9a-f]{32}$/);
    expect(onSent).toHaveBeenCalledWith(expect.objectContaining({ text: 'Pick-up is at 5pm on Friday.' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Message').value).toBe('');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('makes one request for a double click', async () => {
    render(<Composer caseId={CASE_ID} api={await start()} />);
    type('Pick-up is at 5pm on Friday.');
    const send = screen.getByRole('button', { name: 'Send' });
    fireEvent.click(send);
    fireEvent.click(send);
    await screen.findByText(/^Sent\./);
    expect(sends()).toHaveLength(1);
  });

  it('keeps the key across a retry after a dropped connection, and makes a new one for the next draft', async () => {
    const real = await start();
    let drops = 1;
    // The request reaches the server, but the answer is lost on the way back.
    const flaky: ComposerApi = {
      ...real,
      send: async (...args) => {
        const answer = await real.send(...args);
        if (drops-- > 0) throw new ApiError({ status: UNREACHABLE });
        return answer;
      },
    };
    render(<Composer caseId={CASE_ID} api={flaky} />);
    type('Pick-up is at 5pm on Friday.');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText(/could not be reached.*pressing Send again is safe/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Message').value).toBe('Pick-up is at 5pm on Friday.');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText(/^Sent\./);
    expect(sends()).toHaveLength(2);
    expect(keyOf(1)).toBe(keyOf(0));

    answers[SEND] = accepted('Swimming kit is in the blue bag.');
    type('Swimming kit is in the blue bag.');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(sends()).toHaveLength(3));
    expect(keyOf(2)).not.toBe(keyOf(0));
  });

  it('explains a 429 calmly, with the next allowed time in the case zone and that the attempt is kept', async () => {
    const api = await start({
      [SEND]: {
        status: 429,
        body: {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'The daily quota is used up.',
          retryAt: '2026-05-12T22:00:00.000Z',
          reason: 'quota_exceeded',
          heldBackId: '7d0b3f8e-1c2a-4e5b-8f6a-9b0c1d2e3f40',
        },
      },
    });
    render(<Composer caseId={CASE_ID} api={api} />);
    type('Pick-up is at 5pm on Friday.');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const note = await screen.findByText(/Today's messages are used up/);
    expect(note.textContent).toBe(
      "Today's messages are used up, so this one was not sent. You can send again from Wed 00:00 (Europe/Berlin time). Your draft is still here. The attempt is kept in the case record, with its date.",
    );
    expect(screen.getByLabelText<HTMLTextAreaElement>('Message').value).toBe('Pick-up is at 5pm on Friday.');
    // The held-back attempt is settled: trying again later is a new request with a new key.
    answers[SEND] = accepted('Pick-up is at 5pm on Friday.');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText(/^Sent\./);
    expect(keyOf(1)).not.toBe(keyOf(0));
  });

  it('explains an urgent send over the limit, and urgent turned off', async () => {
    const api = await start({
      [SEND]: {
        status: 429,
        body: {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'x',
          retryAt: '2026-05-20T07:30:00.000Z',
          reason: 'urgent_limit_reached',
          heldBackId: 'h1',
        },
      },
    });
    render(<Composer caseId={CASE_ID} api={api} />);
    type('Fever 39.5, taking her to A&E now.');
    fireEvent.click(await screen.findByLabelText('Urgent: deliver at once'));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByText(/urgent messages for these 30 days are used up/)).textContent).toBe(
      'The urgent messages for these 30 days are used up, so this one was not sent. Another urgent message can go from Wed 20 May 09:30 (Europe/Berlin time). You can send it as an ordinary message instead. The attempt is kept in the case record, with its date.',
    );
    answers[SEND] = {
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'x',
        reason: 'urgent_disabled',
        heldBackId: 'h2',
      },
    };
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(
      await screen.findByText(/Urgent messages are turned off in this case, so this one was not sent/),
    ).toBeTruthy();
  });
});

describe('Composer: nudges', () => {
  const HOSTILE = 'You are such an idiot. Pick-up is at 5pm on Friday.';

  it('lists nudges in words with a polite summary, and applies a suggestion with one click', async () => {
    render(<Composer caseId={CASE_ID} api={await start()} />);
    type(HOSTILE);
    // The insult reads as hostile (and, aimed at "you", as blame too): a count in words, politely announced.
    const summary = await screen.findByText(/^\d+ suggestions? for a calmer message\.$/);
    expect(summary.getAttribute('aria-live')).toBe('polite');
    const list = screen.getByRole('list', { name: 'Suggestions' });
    expect(within(list).getByText('Hostile words')).toBeTruthy();
    // The flagged words are marked in the copy behind the textarea.
    expect(document.querySelector('mark.nudge-mark')?.textContent).toContain('idiot');
    const hostile = within(list).getByText('Hostile words').closest('li')!;
    fireEvent.click(within(hostile as HTMLElement).getByRole('button'));
    const field = screen.getByLabelText<HTMLTextAreaElement>('Message');
    expect(field.value).not.toContain('idiot');
    expect(field.value).toContain('Pick-up is at 5pm on Friday.');
    expect(await screen.findByText('This reads calm and factual.')).toBeTruthy();
  });

  it('opens a review on Send for a draft with nudges, Edit focused; Send as written sends it', async () => {
    answers = {};
    const api = await start({ [SEND]: accepted(HOSTILE) });
    render(<Composer caseId={CASE_ID} api={api} />);
    type(HOSTILE);
    await screen.findByText(/^\d+ suggestions? for a calmer message\.$/);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const review = await screen.findByRole('dialog');
    expect(within(review).getByText('This message may invite conflict:')).toBeTruthy();
    expect(document.activeElement).toBe(within(review).getByRole('button', { name: 'Edit' }));
    expect(sends()).toHaveLength(0);

    fireEvent.click(within(review).getByRole('button', { name: 'Edit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sends()).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Send as written' }));
    await screen.findByText(/^Sent\./);
    expect(sends()).toHaveLength(1);
    expect(sends()[0]!.body).toMatchObject({ text: HOSTILE });
  });
});
