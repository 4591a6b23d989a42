import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { quotaDayBounds } from '@parallel/domain';
import { CaseCommands } from '../ledger/case-commands';
import { MessageNotifier, ReleasedBatch } from './message-notifier';
import { DueMessage, MessagesRepository } from './messages.repository';

/** Most cases one pass of a tick works through; the next pass takes the rest. */
const CASES_PER_PASS = 200;
/** Most messages one outbox claim takes. */
const NOTICE_BATCH = 500;
/** How long a claimed notice stays claimed: longer than any send can take (SMTP timeouts are seconds). */
export const NOTICE_LEASE_MS = 5 * 60_000;

export interface TickResult {
  released: number;
  readsRecorded: number;
  noticed: number;
}

/**
 * The delivery ticker. Each tick:
 * - releases held messages whose window has opened, case by case under the case's lock
 *   (a second API process ticking at once finds them released), recorded in the ledger,
 *   then announced to the recipient's sockets;
 * - records the first reads made while read times were hidden, once their day (in the
 *   case's zone) has ended: one entry per reader, sealed for the sender;
 * - empties the notice outbox: released messages not yet noticed by e-mail are claimed
 *   (`SKIP LOCKED`, a lease) and get one mail per recipient and case, sent outside any
 *   transaction, then marked; a failed mail stays in the outbox for the next tick.
 *
 * Lock order (the same everywhere a case changes, see CaseCommands): the case row first,
 * then its message rows. Release and hidden-read recording run inside `commands.run`, which
 * locks the case row before anything else; the outbox locks message rows alone, briefly, and
 * never a case row, so it cannot wait in a cycle with them.
 */
@Injectable()
export class MessageReleaseService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MessageRelease');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickResult> | null = null;

  constructor(
    private readonly messages: MessagesRepository,
    private readonly commands: CaseCommands,
    private readonly notifier: MessageNotifier,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.releaseTickMs <= 0) return;
    this.timer = setInterval(() => {
      this.tick().catch((error: Error) => this.logger.error(`Delivery tick failed, will retry: ${error.message}`));
    }, this.config.releaseTickMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Releases what is due, records the past days' hidden reads, then sends pending notices; overlapping calls share one run. */
  tick(): Promise<TickResult> {
    this.running ??= (async () => ({
      released: await this.releaseAllDue(),
      readsRecorded: await this.recordHiddenReads(),
      noticed: await this.sendPendingNotices(),
    }))().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** A whole tick; returns how many messages it released. */
  async releaseDue(): Promise<number> {
    return (await this.tick()).released;
  }

  private async releaseAllDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const caseIds = await this.messages.casesWithDueMessages(this.clock.now(), CASES_PER_PASS);
      for (const caseId of caseIds) {
        total += await this.commands.run(caseId, async (tx) => {
          const due = await this.messages.dueMessages(tx, caseId, tx.now);
          if (due.length === 0) return 0;
          const ids = due.map((m) => m.id);
          await this.messages.markReleased(tx, ids, tx.now);
          await tx.record('message.released', null, { messageIds: ids });
          for (const [recipientId, forRecipient] of groupBy(due, (m) => m.recipientId)) {
            const batch: ReleasedBatch = {
              caseId,
              caseName: tx.caseRow.name,
              recipientId,
              messages: forRecipient.map((m: DueMessage) => ({ id: m.id, topic: m.topic, urgent: m.urgent, sentAt: m.sentAt, deliveredAt: tx.now })),
            };
            tx.afterCommit(() => this.notifier.announce(batch));
          }
          for (const [senderId, bySender] of groupBy(due, (m) => m.senderId)) {
            const delivered = bySender.map((m: DueMessage) => ({ id: m.id, deliveredAt: tx.now }));
            tx.afterCommit(() => this.notifier.delivered(senderId, caseId, delivered));
          }
          return due.length;
        });
      }
      if (caseIds.length < CASES_PER_PASS) return total;
    }
  }

  /**
   * Reads made while read times are hidden enter the record only after their day has
   * ended in the case's zone, all of a reader's together: the entry's time then tells the
   * sender no more than that some reading happened on some earlier day.
   */
  private async recordHiddenReads(): Promise<number> {
    let total = 0;
    for (;;) {
      const caseIds = await this.messages.casesWithUnrecordedReads(this.clock.now(), CASES_PER_PASS);
      for (const caseId of caseIds) {
        total += await this.commands.run(caseId, async (tx) => {
          const today = quotaDayBounds(tx.caseRow.timeZone, tx.now);
          const reads = await this.messages.unrecordedReads(tx, caseId, today.start);
          for (const [readerId, ofReader] of groupBy(reads, (read) => read.readerId)) {
            const entry = await tx.record('message.reads_recorded', readerId, {
              reads: ofReader.map((read) => ({ messageId: read.id, readAt: read.readAt.toISOString() })),
            });
            await this.messages.markReadsRecorded(tx, ofReader.map((read) => read.id), entry.seq);
          }
          return reads.length;
        });
      }
      if (caseIds.length < CASES_PER_PASS) return total;
    }
  }

  /**
   * Sends the outbox's notices; returns how many messages they covered. Claim, send, mark:
   * a batch is claimed in one short statement, each mail is sent with no transaction open and
   * no row locked, then its messages are marked noticed. A mail that fails releases its claim
   * (and the rest of the batch: the relay is likely down) for a later tick. A process that dies
   * after the hand-off and before the mark leaves a claim that expires after
   * {@link NOTICE_LEASE_MS}; the notice then goes again, as the same mail with the same
   * Message-ID (derived from its message ids): notices are at least once.
   */
  private async sendPendingNotices(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.messages.claimNotices(NOTICE_BATCH, now, new Date(now.getTime() - NOTICE_LEASE_MS));
      if (claimed.length === 0) return total;
      // Messages claimed together before are mailed together again, so a repeat is the same mail.
      const groups = [...groupBy(claimed, (m) => `${m.caseId}/${m.recipientId}/${m.previousClaim?.toISOString() ?? 'new'}`).values()];
      for (const [index, group] of groups.entries()) {
        const first = group[0]!;
        const ids = group.map((m) => m.id);
        const batch: ReleasedBatch = {
          caseId: first.caseId,
          caseName: first.caseName,
          recipientId: first.recipientId,
          messages: group.map((m) => ({ id: m.id, topic: m.topic, urgent: m.urgent, sentAt: m.sentAt, deliveredAt: m.releasedAt })),
        };
        // No address means no account to notice; the message is marked so it does not wait forever.
        if (!first.recipientEmail || (await this.notifier.mail(batch, first.recipientEmail))) {
          await this.messages.markNotified(ids, this.clock.now());
          total += ids.length;
          continue;
        }
        await this.messages.releaseNoticeClaims(groups.slice(index).flatMap((rest) => rest.map((m) => m.id)));
        return total;
      }
      if (claimed.length < NOTICE_BATCH) return total;
    }
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
