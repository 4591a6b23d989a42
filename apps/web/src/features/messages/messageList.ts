// The loaded part of a message list, newest first, paged by the API's keyset cursor.
// Pure functions, so paging, live arrivals and catching up after a reconnect are tested
// without a browser; useMessageList applies them to the loaded answer.
import type { Message } from '../../api/types';
import type { MessagePage } from './messagesApi';

/** Newest first, as the API lists: by sending time, then by id (the API's keyset order). */
function newerFirst(a: Message, b: Message): number {
  if (a.sentAt !== b.sentAt) return a.sentAt < b.sentAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The next older page appended; anything already on screen is not repeated (a message
 * released live may already be in place), and the order stays the API's.
 */
export function appendOlder(current: MessagePage, older: MessagePage): MessagePage {
  const shown = new Set(current.items.map((message) => message.id));
  return {
    items: [...current.items, ...older.items.filter((message) => !shown.has(message.id))].sort(newerFirst),
    nextCursor: older.nextCursor,
  };
}

/**
 * The first page read again (after a reconnect, or when messages were released) merged
 * into what is loaded: fresher copies replace older ones, new messages take their place
 * in order, and the pages already loaded further down stay. If the new first page does
 * not reach what is loaded (more arrived than a page holds), the list starts again from
 * it, so that it never shows a gap as if nothing were missing.
 */
export function mergeNewest(current: MessagePage, newest: MessagePage): MessagePage {
  const fresh = new Map(newest.items.map((message) => [message.id, message]));
  const overlaps = current.items.some((message) => fresh.has(message.id));
  if (!overlaps) return newest;
  const oldestFresh = newest.items[newest.items.length - 1];
  const rest = current.items.filter(
    (message) => !fresh.has(message.id) && (!oldestFresh || newerFirst(message, oldestFresh) > 0),
  );
  return {
    items: [...newest.items, ...rest].sort(newerFirst),
    nextCursor: current.nextCursor,
  };
}

/** A message added or replaced in place (one just sent, one just opened). */
export function upsertMessage(current: MessagePage, message: Message): MessagePage {
  const others = current.items.filter((item) => item.id !== message.id);
  return { ...current, items: [...others, message].sort(newerFirst) };
}

/** A change to one loaded message, e.g. its read time arriving live; nothing happens if it is not loaded. */
export function updateMessage(current: MessagePage, id: string, change: (message: Message) => Message): MessagePage {
  if (!current.items.some((message) => message.id === id)) return current;
  return { ...current, items: current.items.map((message) => (message.id === id ? change(message) : message)) };
}
