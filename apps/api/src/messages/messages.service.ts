import { Injectable, Logger } from '@nestjs/common';
import { canonicalJson, decideSend, type HeldBackReason, isMessageVisibleTo, quotaDayBounds, sendAllowance, urgentWindowStart } from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { decodeCursor, toPage } from '../common/cursor';
import { Conflict, MessageHeldBack, NotAllowed, NotFound } from '../common/errors';
import { nodeSha256Hex } from '../common/hashing';
import { CaseCommands } from '../ledger/case-commands';
import { entryAfter } from '../ledger/ledger.repository';
import type { Queryable } from '../database/prepared';
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
import { MessagesRepository, type SendContext } from './messages.repository';

/** What is kept for a held-back send's Idempotency-Key, so that a retry gets the same answer. */
interface StoredHeldBack {
  reason: HeldBackReason;
  heldBackId: string;
  retryAt: string | null;
  dailyQuota: number;
  urgentPer30Days: number;
}

/** A sent message's answer, and the message to announce once committed if it went straight through. */
type SendOutcome = { sent: MessageDto; released?: { caseName: string; row: MessageEntity } } | { heldBack: MessageHeldBack };

interface SendRequest {
  senderId: string;
  caseId: string;
  dto: SendMessageDto;
  urgent: boolean;
  idempotencyKey: string;
  requestHash: string;
}

/** Turns a send may lose to other changes of its case before it takes the case's lock. */
const OPTIMISTIC_SENDS = 3;

/** The sender's messages today (in the case's zone) and urgent ones in the allowance's 30 days, at `now`. */
function quotaCounts(context: SendContext, timeZone: string, now: Date): { sentToday: number; urgentSentTimes: Date[] } {
  const day = quotaDayBounds(timeZone, now);
  const since = urgentWindowStart(now);
  return {
    sentToday: context.recentSentTimes.filter((at) => at >= day.start && at < day.end).length,
    urgentSentTimes: context.urgentSentTimes.filter((at) => at > since),
  };
}

@Injectable()
export class MessagesService {
  private readonly logger = new Logger('MessagesService');

  constructor(
    private readonly messages: MessagesRepository,
    private readonly commands: CaseCommands,
    private readonly notifier: MessageNotifier,
    private readonly inboxTerms: InboxTermsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Sends, holds for the recipient's window, or holds back over the recipient's daily cap or
   * the shared urgent allowance. Every outcome is in the record, and the answer is kept for
   * retries; a held-back attempt is committed before its 429.
   *
   * Counted exactly under any concurrency, in two round trips: the send reads everything it
   * decides on, the case's ledger head included, in one statement, and writes its entry, its
   * row and its answer in another that moves the head only from the one it read. If another
   * change of the case came first, nothing is written and the send decides again on what is
   * now there. After {@link OPTIMISTIC_SENDS} such turns lost (a barrage on one case), it takes
   * the case's row lock like every other command, and then cannot lose again.
   */
  async send(auth: AuthContext, caseId: string, dto: SendMessageDto, idempotencyKey: string): Promise<MessageDto> {
    const request: SendRequest = { senderId: auth.userId, caseId, dto, urgent: dto.urgent ?? false, idempotencyKey, requestHash: '' };
    request.requestHash = nodeSha256Hex(canonicalJson({ topic: dto.topic, text: dto.text, urgent: request.urgent }));
    let outcome: SendOutcome | null = null;
    for (let turn = 1; outcome === null; turn++) {
      outcome = turn <= OPTIMISTIC_SENDS ? await this.trySend(this.messages.pool, request) : await this.commands.underLock(caseId, (on) => this.trySend(on, request));
    }
    if ('heldBack' in outcome) throw outcome.heldBack;
    if (outcome.released) {
      try {
        this.announceReleased(outcome.released.caseName, outcome.released.row);
      } catch (error) {
        // The message is committed and recorded; a failed notice must not turn it into an error.
        this.logger.error(`The socket notice of a sent message failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return outcome.sent;
  }

  /** One turn of a send (see `send`): null when the case's head moved since it was read, and nothing was written. */
  private async trySend(on: Queryable, request: SendRequest): Promise<SendOutcome | null> {
    const { caseId, senderId, dto, urgent, idempotencyKey, requestHash } = request;
    const context = await this.messages.sendContext(on, { caseId, senderId, key: idempotencyKey, at: this.clock.now() });
    if (!context) throw new NotFound('Case not found');
    // Read after the case, as a locked command reads it after the lock: `at` never goes backwards along a chain.
    const now = this.clock.now();
    const { sendCase } = context;
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
    const recipientInbox = this.inboxTerms.inForceAmong(context.inboxChanges, caseId, recipientId, now);
    const counts = quotaCounts(context, sendCase.timeZone, now);
    const decision = decideSend({
      recipientInbox,
      urgentPer30Days: sendCase.terms.urgentPer30Days,
      timeZone: sendCase.timeZone,
      now,
      urgent,
      sentTodayCount: counts.sentToday,
      urgentSentTimesLast30Days: counts.urgentSentTimes,
    });

    if (decision.outcome === 'accepted') {
      const row: MessageEntity = {
        id: randomUUID(),
        caseId,
        senderId,
        recipientId,
        topic: dto.topic,
        text: dto.text,
        urgent,
        sentAt: now,
        deliverAt: decision.deliverAt,
        releasedAt: decision.deliverAt <= now ? now : null,
        firstReadAt: null,
        notifiedAt: null,
        noticeClaimedAt: null,
        ledgerSeq: 0,
        readLedgerSeq: null,
      };
      const entry = entryAfter(sendCase.head, caseId, now, 'message.sent', senderId, {
        messageId: row.id,
        recipientId,
        topic: dto.topic,
        text: row.text,
        urgent,
        deliverAt: row.deliverAt.toISOString(),
      });
      row.ledgerSeq = entry.seq;
      const view = toMessageDto(row, senderId, sendCase.terms.showReadTimes);
      if (!(await this.messages.insertMessage(on, sendCase.head, entry, row, { key: idempotencyKey, requestHash, status: 201, body: view }))) return null;
      // The e-mail notice leaves through the outbox (MessageReleaseService); the socket event goes once committed.
      return { sent: view, ...(row.releasedAt ? { released: { caseName: sendCase.name, row } } : {}) };
    }

    const retryAt = decision.outcome === 'urgent_disabled' ? null : decision.retryAt;
    const row: HeldBackAttemptEntity = {
      id: randomUUID(),
      caseId,
      senderId,
      topic: dto.topic,
      text: dto.text,
      urgent,
      attemptedAt: now,
      reason: decision.outcome,
      retryAt,
      ledgerSeq: 0,
    };
    const entry = entryAfter(sendCase.head, caseId, now, 'message.held_back', senderId, {
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
      urgentPer30Days: sendCase.terms.urgentPer30Days,
    };
    const error = heldBackError(held);
    if (!(await this.messages.insertHeldBack(on, sendCase.head, entry, row, { key: idempotencyKey, requestHash, status: error.status, body: held }))) return null;
    return { heldBack: error };
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
    const now = this.clock.now();
    const context = await this.messages.sendContext(this.messages.pool, { caseId, senderId: auth.userId, key: '', at: now });
    if (!context) throw new NotFound('Case not found');
    if (!context.recipientId) throw new Conflict('The other parent has not joined the case yet. Messages can be sent once they accept the invitation.');
    const { sendCase } = context;
    const recipientInbox = this.inboxTerms.inForceAmong(context.inboxChanges, caseId, context.recipientId, now);
    const counts = quotaCounts(context, sendCase.timeZone, now);
    return toAllowanceDto(
      sendAllowance({
        recipientInbox,
        urgentPer30Days: sendCase.terms.urgentPer30Days,
        timeZone: sendCase.timeZone,
        now,
        sentTodayCount: counts.sentToday,
        urgentSentTimesLast30Days: counts.urgentSentTimes,
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
