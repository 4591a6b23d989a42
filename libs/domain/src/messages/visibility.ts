/** What visibility needs to know of a message: who sent it, to whom, and whether it was released. */
export interface MessageParties {
  senderId: string;
  recipientId: string;
  /** When the message reached the recipient's inbox; null while it is held for a delivery window. */
  releasedAt: Date | string | null;
}

/**
 * Whether `userId` may see `message` at all. Its sender always may. Its recipient may
 * once it is released: a message held for the next delivery window does not exist for
 * its recipient until then (not as a count, a subject or a "not allowed"), or the window
 * that protects them would leak. Anyone else never may.
 */
export function isMessageVisibleTo(message: MessageParties, userId: string): boolean {
  if (message.senderId === userId) return true;
  // `undefined` (a field a caller forgot to load) counts as held: the safe side for the recipient.
  return message.recipientId === userId && message.releasedAt !== null && message.releasedAt !== undefined;
}
