// The message endpoints of one case (apps/api/src/messages), as typed functions over the
// app's one client: same credentials, same errors. Shapes come from the generated contract.
import type { ApiClient } from '../../api/client';
import type { HeldBack, Message, MessageTopic, Page, Thread } from '../../api/types';

export type MessageBox = 'inbox' | 'sent';

/** Messages a page of the list asks for: enough to fill a screen, small enough to come quickly. */
export const PAGE_SIZE = 20;

export interface MessagePage {
  items: Message[];
  nextCursor: string | null;
}

function casePath(caseId: string, rest: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/${rest}`;
}

function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function listMessages(
  api: ApiClient,
  caseId: string,
  options: { box: MessageBox; topic?: MessageTopic; cursor?: string | null; limit?: number },
): Promise<MessagePage> {
  const page = await api.send<Page<Message>>(
    'GET',
    casePath(
      caseId,
      `messages${query({ box: options.box, topic: options.topic, cursor: options.cursor, limit: options.limit ?? PAGE_SIZE })}`,
    ),
  );
  return { items: page.items, nextCursor: page.nextCursor ?? null };
}

export async function listThreads(api: ApiClient, caseId: string): Promise<Thread[]> {
  return (await api.send<{ items: Thread[] }>('GET', casePath(caseId, 'threads'))).items;
}

/** Records the recipient's first read (only the first is kept); answers the message as it now stands. */
export function markRead(api: ApiClient, caseId: string, messageId: string): Promise<Message> {
  return api.send<Message>('POST', casePath(caseId, `messages/${encodeURIComponent(messageId)}/read`));
}

export interface HeldBackPage {
  items: HeldBack[];
  nextCursor: string | null;
}

/** Held-back attempts: one's own (`of` unset), or the other parent's on an explicit choice (`of: 'other'`). */
export async function listHeldBack(
  api: ApiClient,
  caseId: string,
  options: { of?: 'other'; cursor?: string | null } = {},
): Promise<HeldBackPage> {
  const page = await api.send<Page<HeldBack>>(
    'GET',
    casePath(caseId, `held-back${query({ of: options.of, cursor: options.cursor })}`),
  );
  return { items: page.items, nextCursor: page.nextCursor ?? null };
}

/** Held-back counts: since the case began, and today (the calendar day in the case's zone). */
export interface HeldBackCounts {
  total: number;
  today: number;
}

function countsOf(value: unknown): HeldBackCounts {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    total: typeof fields.total === 'number' ? fields.total : 0,
    today: typeof fields.today === 'number' ? fields.today : 0,
  };
}

/**
 * How many of the other parent's sends were held back from the caller's inbox: the
 * recipient's one calm line, counts only (`GET .../held-back/summary` -> `other`).
 */
export async function othersHeldBackCounts(api: ApiClient, caseId: string): Promise<HeldBackCounts> {
  const answer = await api.send<unknown>('GET', casePath(caseId, 'held-back/summary'));
  return countsOf(typeof answer === 'object' && answer !== null ? (answer as { other?: unknown }).other : undefined);
}

/** The other parent's daily cap now (`GET .../messages/allowance`), for the words of one's own held-back attempts; null if not known. */
export async function otherInboxDailyQuota(api: ApiClient, caseId: string): Promise<number | null> {
  const answer = await api.send<unknown>('GET', casePath(caseId, 'messages/allowance'));
  const quota =
    typeof answer === 'object' && answer !== null ? (answer as { dailyQuota?: unknown }).dailyQuota : undefined;
  return typeof quota === 'number' ? quota : null;
}

/** One message as the caller may see it (GET never records a read). */
export function getMessage(api: ApiClient, caseId: string, messageId: string): Promise<Message> {
  return api.send<Message>('GET', casePath(caseId, `messages/${encodeURIComponent(messageId)}`));
}
