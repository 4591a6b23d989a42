import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LedgerRepository } from '../ledger/ledger.repository';
import { MessageNotifier, ReleasedBatch } from './message-notifier';
import { DueMessage, MessagesRepository } from './messages.repository';

/** Most messages one tick releases; the next tick takes the rest. */
const RELEASE_BATCH = 500;

/**
 * The delivery ticker. Each tick:
 * - releases held messages whose window has opened: each is claimed by exactly one
 *   API process, marked released and recorded in the ledger in one transaction, then
 *   announced to the recipient's sockets;
 * - empties the notice outbox: released messages not yet noticed by e-mail are claimed
 *   the same way and get one mail per recipient and case. The mail is sent before the
 *   claim commits, so a failed mail stays in the outbox for the next tick.
 */
@Injectable()
export class MessageReleaseService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MessageRelease');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<{ released: number; noticed: number }> | null = null;

  constructor(
    private readonly messages: MessagesRepository,
    private readonly ledger: LedgerRepository,
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

  /** Releases what is due, then sends pending notices; overlapping calls share one run. */
  tick(): Promise<{ released: number; noticed: number }> {
    this.running ??= (async () => ({ released: await this.releaseAllDue(), noticed: await this.sendPendingNotices() }))().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** A whole tick (release, then pending notices); returns how many messages it released. */
  async releaseDue(): Promise<number> {
    return (await this.tick()).released;
  }

  /** Sends the outbox's notices; returns how many messages they covered. */
  private async sendPendingNotices(): Promise<number> {
    let total = 0;
    for (;;) {
      const noticed = await this.messages.transaction(async (manager) => {
        const pending = await this.messages.claimUnnoticed(manager, RELEASE_BATCH);
        if (pending.length === 0) return 0;
        // Inside the transaction's own connection: the embedded database has only one.
        const contacts = await this.messages.recipientContacts([...new Set(pending.map((m) => m.recipientId))], manager);
        const sent: string[] = [];
        for (const group of groupBy(pending, (m) => `${m.caseId}/${m.recipientId}`).values()) {
          const first = group[0]!;
          const email = contacts.get(first.recipientId);
          const batch = {
            caseId: first.caseId,
            caseName: first.caseName,
            recipientId: first.recipientId,
            messages: group.map((m) => ({ id: m.id, topic: m.topic, urgent: m.urgent, sentAt: m.sentAt, deliveredAt: m.releasedAt })),
          };
          // No address means no account to notice; the message is marked so it does not wait forever.
          if (!email || (await this.notifier.mail(batch, email))) sent.push(...group.map((m) => m.id));
        }
        await this.messages.markNotified(manager, sent, this.clock.now());
        return sent.length;
      });
      total += noticed;
      if (noticed < RELEASE_BATCH) return total;
    }
  }

  private async releaseAllDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const batches = await this.releaseBatch();
      const released = batches.reduce((sum, batch) => sum + batch.messages.length, 0);
      total += released;
      for (const batch of batches) this.notifier.announce(batch);
      if (released < RELEASE_BATCH) return total;
    }
  }

  private releaseBatch(): Promise<ReleasedBatch[]> {
    return this.messages.transaction(async (manager) => {
      const now = this.clock.now();
      const due = await this.messages.claimDue(manager, now, RELEASE_BATCH);
      if (due.length === 0) return [];
      const byCase = groupBy(due, (message) => message.caseId);
      const batches: ReleasedBatch[] = [];
      // Cases in a fixed order, so two processes locking case rows can never deadlock.
      for (const caseId of [...byCase.keys()].sort()) {
        const messages = byCase.get(caseId)!;
        const found = await this.messages.lockCase(manager, caseId);
        await this.messages.markReleased(manager, messages.map((m) => m.id), now);
        await this.ledger.append(manager, caseId, 'message.released', null, { messageIds: messages.map((m) => m.id) });
        for (const [recipientId, forRecipient] of groupBy(messages, (m) => m.recipientId)) {
          batches.push({
            caseId,
            caseName: found?.name ?? '',
            recipientId,
            messages: forRecipient.map((m: DueMessage) => ({ id: m.id, topic: m.topic, urgent: m.urgent, sentAt: m.sentAt, deliveredAt: now })),
          });
        }
      }
      return batches;
    });
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
