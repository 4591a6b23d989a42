// The payloads of the live events this screen acts on (apps/api/src/messages/message-notifier.ts),
// read defensively: an event that does not look as expected is ignored, never trusted.

/** `message.released`: the ids of messages that just reached the caller's inbox. */
export function releasedMessageIds(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return [];
  const messages = (payload as { messages?: unknown }).messages;
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((message: unknown) => {
    const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? [id] : [];
  });
}

/** `message.read`: which of the caller's sent messages was first read, and when. */
export function readReceipt(payload: unknown): { messageId: string; readAt: string } | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { messageId, readAt } = payload as { messageId?: unknown; readAt?: unknown };
  return typeof messageId === 'string' && typeof readAt === 'string' ? { messageId, readAt } : null;
}

/** `message.delivered`: which of the caller's sent messages reached the other parent's inbox, and when. */
export function deliveredMessages(payload: unknown): { id: string; deliveredAt: string }[] {
  if (typeof payload !== 'object' || payload === null) return [];
  const messages = (payload as { messages?: unknown }).messages;
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((message: unknown) => {
    if (typeof message !== 'object' || message === null) return [];
    const { id, deliveredAt } = message as { id?: unknown; deliveredAt?: unknown };
    return typeof id === 'string' && typeof deliveredAt === 'string' ? [{ id, deliveredAt }] : [];
  });
}
