import { Injectable } from '@nestjs/common';
import { canonicalJson, decideSend, type HeldBackReason, isMessageVisibleTo, quotaDayBounds, sendAllowance, urgentWindowStart } from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { decodeCursor, toPage } from '../common/cursor';
import { Conflict, MessageHeldBack, NotAllowed, NotFound } from '../common/errors';
import { nodeSha256Hex } from '../common/hashing';
import { CaseCommands } from '../ledger/case-commands';
import { InboxTermsService } from '../terms/inbox-terms.service';
import {
  AllowanceDto,
  HeldBackPageDto,
  HeldBackSummaryDto,
  ListHeldBackQuery,
  ListMessagesQuery,
  MessageDto,
  MessagePageDto,
  SendMessageDto,
  ThreadListDto,
  toAllowanceDto,
  toHeldBackDto,
  toHeldBackSummaryDto,
  toMessageDto,
  toThreadDto,
} from './dto/message.dto';
import { HeldBackAttemptEntity } from './entities/held-back-attempt.entity';
import { MessageEntity } from './entities/message.entity';
import { MessageNotifier } from './message-notifier';
import { MessagesRepository } from './messages.repository';

/** What is kept for a held-back send's Idempotency-Key, so that a retry gets the same answer. */
interface StoredHeldBack {
  reason: HeldBackReason;
  heldBackId: string;
  retryAt: string | null;
  dailyQuota: number;
  urgentPer30Days: number;
}

type SendOutcome = { sent: MessageDto } | { heldBack: MessageHeldBack };

@Injectable()
export class MessagesService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly commands: CaseCommands,
    private readonly notifier: MessageNotifier,
    private readonly inboxTerms: InboxTermsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Sends, holds for the recipient's window, or holds back over the recipient's daily cap or
   * the shared urgent allowance, under the case lock, so a barrage of concurrent sends is
   * counted exactly. Every outcome is in the record, and
   * the answer is kept for retries. A held-back attempt is committed before its 429.
   */
  async send(auth: AuthContext, caseId: string, dto: SendMessageDto, idempotencyKey: string): Promise<MessageDto> {
    const urgent = dto.urgent ?? false;
    const requestHash = nodeSha256Hex(canonicalJson({ topic: dto.topic, text: dto.text, urgent }));
    const outcome = await this.commands.run(caseId, async (tx): Promise<SendOutcome> => {
      const { terms, timeZone } = tx.caseRow;
      const day = quotaDayBounds(timeZone, tx.now);
      const context = await this.messages.sendContext(tx, {
        caseId,
        senderId: auth.userId,
        key: idempotencyKey,
        dayStart: day.start,
        dayEnd: day.end,
        urgentSince: urgentWindowStart(tx.now),
      });
      if (context.reply) {
        if (context.reply.requestHash !== requestHash) {
          throw new Conflict('This Idempotency-Key was already used for a different message. Use a new key for a new message.', [
            { field: 'Idempotency-Key', rule: 'sameRequest', message: 'Idempotency-Key was used before with a different request' },
          ]);
        }
        return context.reply.status === 201 ? { sent: context.reply.body as MessageDto } : { heldBack: heldBackError(context.reply.body as StoredHeldBack) };
      }
      const recipientId = context.recipientId;
      if (!recipientId) throw new Conflict('The other parent has not joined the case yet. Messages can be sent once they accept the invitation.');
      // The recipient's inbox terms decide: their windows, their daily cap.
      const recipientInbox = this.inboxTerms.inForceAmong(context.inboxChanges, caseId, recipientId, tx.now);
      const decision = decideSend({
        recipientInbox,
        urgentPer30Days: terms.urgentPer30Days,
        timeZone,
        now: tx.now,
        urgent,
        sentTodayCount: context.sentToday,
        urgentSentTimesLast30Days: context.urgentSentTimes,
      });

      if (decision.outcome === 'accepted') {
        const row: MessageEntity = {
          id: randomUUID(),
          caseId,
          senderId: auth.userId,
          recipientId,
          topic: dto.topic,
          text: dto.text,
          urgent,
          sentAt: tx.now,
          deliverAt: decision.deliverAt,
          releasedAt: decision.deliverAt <= tx.now ? tx.now : null,
          firstReadAt: null,
          notifiedAt: null,
          noticeClaimedAt: null,
          ledgerSeq: 0,
          readLedgerSeq: null,
        };
        const entry = await tx.record('message.sent', auth.userId, {
          messageId: row.id,
          recipientId,
          topic: dto.topic,
          text: row.text,
          urgent,
          deliverAt: row.deliverAt.toISOString(),
        });
        row.ledgerSeq = entry.seq;
        const view = toMessageDto(row, auth.userId, terms.showReadTimes);
        await this.messages.insertMessage(tx, row, { key: idempotencyKey, requestHash, status: 201, body: view });
        // The e-mail notice leaves through the outbox (MessageReleaseService); the socket event goes now.
        if (row.releasedAt) tx.afterCommit(() => this.announceReleased(tx.caseRow.name, row));
        return { sent: view };
      }

      const retryAt = decision.outcome === 'urgent_disabled' ? null : decision.retryAt;
      const row: HeldBackAttemptEntity = {
        id: randomUUID(),
        caseId,
        senderId: auth.userId,
        topic: dto.topic,
        text: dto.text,
        urgent,
        attemptedAt: tx.now,
        reason: decision.outcome,
        retryAt,
        ledgerSeq: 0,
      };
      const entry = await tx.record('message.held_back', auth.userId, {
        attemptId: row.id,
        topic: dto.topic,
        text: row.text,
        urgent,
        reason: row.reason,
        retryAt: retryAt?.toISOString() ?? null,
      });
      row.ledgerSeq = entry.seq;
      const held: StoredHeldBack = {
        reason: row.reason,
        heldBackId: row.id,
        retryAt: retryAt?.toISOString() ?? null,
        dailyQuota: recipientInbox.dailyQuota,
        urgentPer30Days: terms.urgentPer30Days,
      };
      const error = heldBackError(held);
      await this.messages.insertHeldBack(tx, row, { key: idempotencyKey, requestHash, status: error.status, body: held });
      return { heldBack: error };
    });
    if ('heldBack' in outcome) throw outcome.heldBack;
    return outcome.sent;
  }

  async list(auth: AuthContext, caseId: string, query: ListMessagesQuery): Promise<MessagePageDto> {
    const limit = query.limit ?? 50;
    const showReadTimes = await this.showReadTimes(caseId);
    const rows = await this.messages.list(caseId, auth.userId, query.box ?? 'all', query.topic, decodeCursor(query.cursor), limit + 1);
    const page = toPage(rows, limit, (row) => ({ at: row.sentAt, id: row.id }));
    return { items: page.items.map((row) => toMessageDto(row, auth.userId, showReadTimes)), nextCursor: page.nextCursor };
  }

  async get(auth: AuthContext, caseId: string, messageId: string): Promise<MessageDto> {
    const row = await this.messages.findMessage(caseId, messageId);
    if (!row || !isMessageVisibleTo(row, auth.userId)) throw new NotFound('Message not found');
    return toMessageDto(row, auth.userId, await this.showReadTimes(caseId));
  }

  async threads(auth: AuthContext, caseId: string): Promise<ThreadListDto> {
    return { items: (await this.messages.threads(caseId, auth.userId)).map(toThreadDto) };
  }

  /**
   * The recipient's first open is recorded once; opening again changes nothing. While the
   * case shows read times it is recorded at once and the sender sees it live; while it hides
   * them the read waits and is recorded with its day's other reads once the day has ended
   * (MessageReleaseService), sealed for the sender, so not even the record's timing tells.
   */
  async markRead(auth: AuthContext, caseId: string, messageId: string): Promise<MessageDto> {
    // Lock order, as everywhere: the case row (commands.run) first, then the message row. The
    // ticker releases under the same case lock, so a read as the window opens waits; it never
    // holds the message while waiting for the case.
    return this.commands.run(caseId, async (tx) => {
      const row = await this.messages.findMessage(caseId, messageId, tx);
      if (!row || !isMessageVisibleTo(row, auth.userId)) throw new NotFound('Message not found');
      if (row.senderId === auth.userId) throw new NotAllowed('Only the recipient’s reading of a message is recorded.');
      const { showReadTimes } = tx.caseRow.terms;
      if (row.firstReadAt) return toMessageDto(row, auth.userId, showReadTimes);
      const read = { ...row, firstReadAt: tx.now };
      if (showReadTimes) {
        const entry = await tx.record('message.read', auth.userId, { messageId: row.id });
        await this.messages.markRead(tx, row.id, tx.now, entry.seq);
        tx.afterCommit(() => this.notifier.read(row.senderId, caseId, row.id, tx.now));
      } else {
        await this.messages.markRead(tx, row.id, tx.now, null);
      }
      return toMessageDto(read, auth.userId, showReadTimes);
    });
  }

  /**
   * What the caller may still send now, for the composer: the same context and the same domain
   * rule as a send (`sendAllowance` answers with `decideSend`), without sending anything.
   */
  async allowance(auth: AuthContext, caseId: string): Promise<AllowanceDto> {
    const found = await this.messages.findCase(caseId);
    if (!found) throw new NotFound('Case not found');
    const now = this.clock.now();
    const day = quotaDayBounds(found.timeZone, now);
    const context = await this.messages.sendContext(null, {
      caseId,
      senderId: auth.userId,
      key: '',
      dayStart: day.start,
      dayEnd: day.end,
      urgentSince: urgentWindowStart(now),
    });
    if (!context.recipientId) throw new Conflict('The other parent has not joined the case yet. Messages can be sent once they accept the invitation.');
    const recipientInbox = this.inboxTerms.inForceAmong(context.inboxChanges, caseId, context.recipientId, now);
    return toAllowanceDto(
      sendAllowance({
        recipientInbox,
        urgentPer30Days: found.terms.urgentPer30Days,
        timeZone: found.timeZone,
        now,
        sentTodayCount: context.sentToday,
        urgentSentTimesLast30Days: context.urgentSentTimes,
      }),
    );
  }

  /**
   * Held-back attempts with their texts: the caller's own by default. The other parent's are
   * kept from the caller's inbox on purpose; their texts are shown only when asked for (`of=other`).
   */
  async heldBack(auth: AuthContext, caseId: string, query: ListHeldBackQuery): Promise<HeldBackPageDto> {
    const limit = query.limit ?? 100;
    const rows = await this.messages.listHeldBack(caseId, auth.userId, query.of ?? 'mine', decodeCursor(query.cursor), limit + 1);
    const page = toPage(rows, limit, (row) => ({ at: row.attemptedAt, id: row.id }));
    return { items: page.items.map(toHeldBackDto), nextCursor: page.nextCursor };
  }

  /** Counts only, never texts: how many attempts were held back today (in the case's zone) and in all. */
  async heldBackSummary(auth: AuthContext, caseId: string): Promise<HeldBackSummaryDto> {
    const found = await this.messages.findCase(caseId);
    if (!found) throw new NotFound('Case not found');
    const day = quotaDayBounds(found.timeZone, this.clock.now());
    return toHeldBackSummaryDto(await this.messages.heldBackCounts(caseId, auth.userId, day.start, day.end));
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

function heldBackError(held: StoredHeldBack): MessageHeldBack {
  return new MessageHeldBack({ ...held, retryAt: held.retryAt ? new Date(held.retryAt) : null });
}
