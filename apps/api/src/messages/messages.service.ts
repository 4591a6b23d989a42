import { Injectable } from '@nestjs/common';
import { canonicalJson, decideSend, quotaDayBounds, sha256Hex, urgentWindowStart } from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { CaseAccessRepository } from '../access/case-access.repository';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { decodeCursor, toPage } from '../common/cursor';
import { Conflict, NotAllowed, NotFound } from '../common/errors';
import { errorBody } from '../common/http-error.filter';
import { LedgerRepository } from '../ledger/ledger.repository';
import { ListHeldBackQuery, ListMessagesQuery, SendMessageDto } from './dto/message.dto';
import { HeldBackAttemptEntity, HeldBackReason } from './entities/held-back-attempt.entity';
import { MessageEntity } from './entities/message.entity';
import { MessageNotifier } from './message-notifier';
import { HeldBackView, MessageView, toHeldBackView, toMessageView } from './message-views';
import { MessagesRepository } from './messages.repository';

/** What a send answers: the stored first answer is replayed for a retried Idempotency-Key. */
export interface SendReply {
  status: number;
  body: object;
}

@Injectable()
export class MessagesService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly ledger: LedgerRepository,
    private readonly notifier: MessageNotifier,
    private readonly access: CaseAccessRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Sends, holds for a window, or holds back over the quota; all under the case lock,
   * so a barrage of concurrent sends is counted exactly. Every outcome is in the
   * ledger in the same transaction, and the answer is stored for retries.
   */
  async send(auth: AuthContext, caseId: string, dto: SendMessageDto, idempotencyKey: string): Promise<SendReply> {
    const requestHash = sha256Hex(canonicalJson({ topic: dto.topic, text: dto.text, urgent: dto.urgent ?? false }));
    const outcome = await this.messages.transaction(async (manager) => {
      const locked = await this.messages.lockCase(manager, caseId);
      if (!locked) throw new NotFound('Case not found');
      const now = this.clock.now();
      const day = quotaDayBounds(locked.timeZone, now);
      const context = await this.messages.sendContext(manager, {
        caseId,
        senderId: auth.userId,
        key: idempotencyKey,
        dayStart: day.start,
        dayEnd: day.end,
        urgentSince: urgentWindowStart(now),
      });
      if (context.reply) {
        if (context.reply.requestHash !== requestHash) {
          throw new Conflict('This Idempotency-Key was already used for a different message. Use a new key for a new message.', [
            { field: 'Idempotency-Key', rule: 'sameRequest', message: 'Idempotency-Key was used before with a different request' },
          ]);
        }
        return { reply: { status: context.reply.status, body: context.reply.body }, released: null };
      }
      const recipientId = context.recipientId;
      if (!recipientId) throw new Conflict('The other parent has not joined the case yet. Messages can be sent once they accept the invitation.');
      const decision = decideSend({
        terms: locked.terms,
        timeZone: locked.timeZone,
        now,
        urgent: dto.urgent ?? false,
        sentTodayCount: context.sentToday,
        urgentSentTimesLast30Days: context.urgentSentTimes,
      });

      let reply: SendReply;
      let released: MessageEntity | null = null;
      if (decision.outcome === 'accepted') {
        const row: MessageEntity = {
          id: randomUUID(),
          caseId,
          senderId: auth.userId,
          recipientId,
          topic: dto.topic,
          text: dto.text,
          urgent: dto.urgent ?? false,
          sentAt: now,
          deliverAt: decision.deliverAt,
          releasedAt: decision.deliverAt <= now ? now : null,
          firstReadAt: null,
          notifiedAt: null,
          ledgerSeq: 0,
        };
        const entry = await this.ledger.append(manager, caseId, 'message.sent', auth.userId, {
          messageId: row.id,
          recipientId,
          topic: row.topic,
          text: row.text,
          urgent: row.urgent,
          deliverAt: row.deliverAt.toISOString(),
        }, locked);
        row.ledgerSeq = entry.seq;
        reply = { status: 201, body: toMessageView(row, auth.userId, locked.terms.showReadTimes) };
        await this.messages.insertMessage(manager, row, { key: idempotencyKey, requestHash, ...reply });
        if (row.releasedAt) released = row;
      } else {
        const reason: HeldBackReason =
          decision.outcome === 'quota_exceeded' ? 'daily_quota' : decision.outcome === 'urgent_limit_reached' ? 'urgent_limit' : 'urgent_disabled';
        const retryAt = decision.outcome === 'urgent_disabled' ? null : decision.retryAt;
        const row: HeldBackAttemptEntity = {
          id: randomUUID(),
          caseId,
          senderId: auth.userId,
          topic: dto.topic,
          text: dto.text,
          urgent: dto.urgent ?? false,
          attemptedAt: now,
          reason,
          retryAt,
          ledgerSeq: 0,
        };
        const entry = await this.ledger.append(manager, caseId, 'message.held_back', auth.userId, {
          attemptId: row.id,
          topic: row.topic,
          text: row.text,
          urgent: row.urgent,
          reason,
          retryAt: retryAt?.toISOString() ?? null,
        }, locked);
        row.ledgerSeq = entry.seq;
        reply = heldBackReply(row, locked.terms);
        await this.messages.insertHeldBack(manager, row, { key: idempotencyKey, requestHash, ...reply });
      }
      return { reply, released: released ? { row: released, caseName: locked.name } : null };
    });
    // The socket event goes out after the commit; the e-mail notice leaves through the outbox (MessageReleaseService).
    if (outcome.released) this.announceReleased(outcome.released.caseName, outcome.released.row);
    return outcome.reply;
  }

  async list(auth: AuthContext, caseId: string, query: ListMessagesQuery): Promise<{ items: MessageView[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const showReadTimes = await this.showReadTimes(caseId);
    const rows = await this.messages.list(caseId, auth.userId, query.box ?? 'all', query.topic, decodeCursor(query.cursor), limit + 1);
    const page = toPage(rows, limit, (row) => ({ at: row.sentAt, id: row.id }));
    return { items: page.items.map((row) => toMessageView(row, auth.userId, showReadTimes)), nextCursor: page.nextCursor };
  }

  async get(auth: AuthContext, caseId: string, messageId: string): Promise<MessageView> {
    const row = await this.visibleMessage(auth, caseId, messageId);
    return toMessageView(row, auth.userId, await this.showReadTimes(caseId));
  }

  async threads(auth: AuthContext, caseId: string) {
    const threads = await this.messages.threads(caseId, auth.userId);
    return { items: threads.map((thread) => ({ ...thread, lastAt: thread.lastAt.toISOString() })) };
  }

  /** The recipient's first open is recorded once, in the ledger; opening again changes nothing. */
  async markRead(auth: AuthContext, caseId: string, messageId: string): Promise<MessageView> {
    const result = await this.messages.transaction(async (manager) => {
      const locked = await this.messages.lockCase(manager, caseId);
      if (!locked) throw new NotFound('Case not found');
      const row = await this.messages.findMessage(caseId, messageId, manager, true);
      if (!row || !isVisibleTo(row, auth.userId)) throw new NotFound('Message not found');
      if (row.senderId === auth.userId) throw new NotAllowed('Only the recipient’s reading of a message is recorded.');
      if (row.firstReadAt) return { row, firstRead: false, showReadTimes: locked.terms.showReadTimes };
      const now = this.clock.now();
      await this.messages.markRead(manager, row.id, now);
      await this.ledger.append(manager, caseId, 'message.read', auth.userId, { messageId: row.id }, locked);
      return { row: { ...row, firstReadAt: now }, firstRead: true, showReadTimes: locked.terms.showReadTimes };
    });
    // The record always keeps the read time; whether the sender sees it live is the case's choice.
    if (result.firstRead && result.showReadTimes) this.notifier.read(result.row.senderId, caseId, result.row.id, result.row.firstReadAt!);
    return toMessageView(result.row, auth.userId, result.showReadTimes);
  }

  async heldBack(caseId: string, query: ListHeldBackQuery): Promise<{ items: HeldBackView[]; nextCursor: string | null }> {
    const limit = query.limit ?? 100;
    const rows = await this.messages.listHeldBack(caseId, decodeCursor(query.cursor), limit + 1);
    const page = toPage(rows, limit, (row) => ({ at: row.attemptedAt, id: row.id }));
    return { items: page.items.map(toHeldBackView), nextCursor: page.nextCursor };
  }

  private async visibleMessage(auth: AuthContext, caseId: string, messageId: string): Promise<MessageEntity> {
    const row = await this.messages.findMessage(caseId, messageId);
    if (!row || !isVisibleTo(row, auth.userId)) throw new NotFound('Message not found');
    return row;
  }

  private async showReadTimes(caseId: string): Promise<boolean> {
    const found = await this.messages.findCase(caseId);
    if (!found) throw new NotFound('Case not found');
    return found.terms.showReadTimes;
  }

  private announceReleased(caseName: string, row: MessageEntity): void {
    this.notifier.announce({
      caseId: row.caseId,
      caseName,
      recipientId: row.recipientId,
      messages: [{ id: row.id, topic: row.topic, urgent: row.urgent, sentAt: row.sentAt, deliveredAt: row.releasedAt! }],
    });
  }
}

/** A held message does not exist for its recipient until its window opens. */
function isVisibleTo(row: MessageEntity, userId: string): boolean {
  return row.senderId === userId || (row.recipientId === userId && row.releasedAt !== null);
}

function heldBackReply(row: HeldBackAttemptEntity, settings: { dailyQuota: number; urgentPer30Days: number }): SendReply {
  const kept = 'It was not delivered; it is kept in the case record.';
  switch (row.reason) {
    case 'daily_quota':
      return {
        status: 429,
        body: {
          ...errorBody(429, `You have sent today's ${settings.dailyQuota} messages, the limit agreed for this case. ${kept} You can send again from ${row.retryAt!.toISOString()}.`, undefined, row.retryAt!),
          reason: row.reason,
          heldBackId: row.id,
        },
      };
    case 'urgent_limit':
      return {
        status: 429,
        body: {
          ...errorBody(429, `Urgent messages are limited to ${settings.urgentPer30Days} in 30 days in this case. ${kept} You can send it as a regular message now, or as urgent from ${row.retryAt!.toISOString()}.`, undefined, row.retryAt!),
          reason: row.reason,
          heldBackId: row.id,
        },
      };
    case 'urgent_disabled':
      return {
        status: 422,
        body: {
          ...errorBody(422, `Urgent messages are turned off in this case. ${kept} You can send it as a regular message.`, [
            { field: 'urgent', rule: 'allowed', message: 'urgent messages are turned off in this case' },
          ]),
          reason: row.reason,
          heldBackId: row.id,
        },
      };
  }
}

