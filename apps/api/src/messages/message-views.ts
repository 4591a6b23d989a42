import { HeldBackAttemptEntity } from './entities/held-back-attempt.entity';
import { MessageEntity } from './entities/message.entity';

export type MessageStatus = 'held' | 'delivered' | 'read';

export interface MessageView {
  id: string;
  caseId: string;
  senderId: string;
  recipientId: string;
  direction: 'sent' | 'received';
  topic: string;
  text: string;
  urgent: boolean;
  sentAt: string;
  /** When the cadence lets it through (the sender sees "will be delivered ..."). */
  deliverAt: string;
  deliveredAt: string | null;
  /** The recipient's first read; shown to the sender only when the case shows read times. */
  readAt: string | null;
  status: MessageStatus;
}

export interface HeldBackView {
  id: string;
  senderId: string;
  topic: string;
  text: string;
  urgent: boolean;
  attemptedAt: string;
  reason: string;
  retryAt: string | null;
}

export function toMessageView(row: MessageEntity, viewerId: string, showReadTimes: boolean): MessageView {
  const isSender = row.senderId === viewerId;
  const readAt = !isSender || showReadTimes ? (row.firstReadAt?.toISOString() ?? null) : null;
  return {
    id: row.id,
    caseId: row.caseId,
    senderId: row.senderId,
    recipientId: row.recipientId,
    direction: isSender ? 'sent' : 'received',
    topic: row.topic,
    text: row.text,
    urgent: row.urgent,
    sentAt: row.sentAt.toISOString(),
    deliverAt: row.deliverAt.toISOString(),
    deliveredAt: row.releasedAt?.toISOString() ?? null,
    readAt,
    status: readAt ? 'read' : row.releasedAt ? 'delivered' : 'held',
  };
}

export function toHeldBackView(row: HeldBackAttemptEntity): HeldBackView {
  return {
    id: row.id,
    senderId: row.senderId,
    topic: row.topic,
    text: row.text,
    urgent: row.urgent,
    attemptedAt: row.attemptedAt.toISOString(),
    reason: row.reason,
    retryAt: row.retryAt?.toISOString() ?? null,
  };
}
