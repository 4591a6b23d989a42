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
    casePath(caseId, `messages${query({ box: options.box, topic: options.topic, cursor: options.cursor, limit: options.limit ?? PAGE_SIZE })}`),
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
export async function listHeldBack(api: ApiClient, caseId: string, options: { of?: 'other'; cursor?: string | null } = {}): Promise<HeldBackPage> {
  const page = await api.send<Page<HeldBack>>('GET', casePath(caseId, `held-back${query({ of: options.of, cursor: options.cursor })}`));
  return { items: page.items, nextCursor: page.nextCursor ?? null };
}

/**
 * How many of the other parent's sends were held back: the recipient's one calm line.
 * Read defensively (the count under `count` or `total`), since the answer is new.
 */
export async function heldBackSummary(api: ApiClient, caseId: string): Promise<{ count: number; today: number | null }> {
  const answer = await api.send<unknown>('GET', casePath(caseId, 'held-back/summary'));
  const fields = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
  const count = [fields.count, fields.total].find((value): value is number => typeof value === 'number') ?? 0;
  const today = typeof fields.today === 'number' ? fields.today : null;
  return { count, today };
}

/** One message as the caller may see it (GET never records a read). */
export function getMessage(api: ApiClient, caseId: string, messageId: string): Promise<Message> {
  return api.send<Message>('GET', casePath(caseId, `messages/${encodeURIComponent(messageId)}`));
}
