import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MailService } from '../notifications/mail.service';
import { RealtimeGateway } from '../notifications/realtime.gateway';

export interface ReleasedBatch {
  caseId: string;
  caseName: string;
  recipientId: string;
  messages: { id: string; topic: string; urgent: boolean; sentAt: Date; deliveredAt: Date }[];
}

/**
 * Tells a recipient that messages are waiting: a socket event when they are released,
 * and an e-mail from the outbox. The mail says how many, never what: a lock screen
 * must not show the text.
 */
@Injectable()
export class MessageNotifier {
  constructor(
    private readonly realtime: RealtimeGateway,
    private readonly mailer: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The socket event, at once: a connected client shows the messages as they arrive. */
  announce(batch: ReleasedBatch): void {
    this.realtime.emitToUser(batch.recipientId, 'message.released', {
      caseId: batch.caseId,
      messages: batch.messages.map((m) => ({ id: m.id, topic: m.topic, urgent: m.urgent, sentAt: m.sentAt.toISOString(), deliveredAt: m.deliveredAt.toISOString() })),
    });
  }

  /**
   * One e-mail for the batch; resolves false if it could not be handed over, so the outbox keeps
   * it. Its Message-ID derives from the batch's message ids: if a crash makes the outbox send the
   * same notice again, it is the same mail, and mail clients may show it once.
   */
  mail(batch: ReleasedBatch, recipientEmail: string): Promise<boolean> {
    const count = batch.messages.length;
    const waiting = count === 1 ? '1 new message is' : `${count} new messages are`;
    return this.mailer.send({
      messageId: noticeMessageId(batch.messages.map((m) => m.id), this.config.publicUrl),
      to: recipientEmail,
      subject: `Parallel: ${waiting} waiting`,
      text: [
        `${waiting} waiting for you in "${batch.caseName}" on Parallel.`,
        '',
        `Read ${count === 1 ? 'it' : 'them'} when you are ready: ${this.config.publicUrl}/cases/${batch.caseId}`,
        '',
        'For your privacy this notice never contains the text of a message.',
      ].join('\n'),
    });
  }

  /** To the sender, at once: their held messages were delivered (the screen turns "Held until" into "Delivered"). */
  delivered(senderId: string, caseId: string, messages: { id: string; deliveredAt: Date }[]): void {
    this.realtime.emitToUser(senderId, 'message.delivered', { caseId, messages: messages.map((m) => ({ id: m.id, deliveredAt: m.deliveredAt.toISOString() })) });
  }

  read(senderId: string, caseId: string, messageId: string, readAt: Date): void {
    this.realtime.emitToUser(senderId, 'message.read', { caseId, messageId, readAt: readAt.toISOString() });
  }
}

/** `<notice.<hash of the sorted message ids>@<PUBLIC_URL's host>>`: the same batch, the same id. */
export function noticeMessageId(messageIds: string[], publicUrl: string): string {
  const digest = createHash('sha256').update([...messageIds].sort().join(',')).digest('hex').slice(0, 40);
  return `<notice.${digest}@${new URL(publicUrl).hostname}>`;
}
