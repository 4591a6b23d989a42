import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { SETTINGS, Settings } from '../config/settings';
import { LedgerRepository } from '../ledger/ledger.repository';
import { MessageNotifier, ReleasedBatch } from './message-notifier';
import { DueMessage, MessagesRepository } from './messages.repository';

/** Most messages one tick releases; the next tick takes the rest. */
const RELEASE_BATCH = 500;

/**
 * Releases held messages when their delivery window opens: each due message is
 * claimed by exactly one API process, marked released and recorded in the ledger in
 * one transaction; then the recipient gets a socket event and one e-mail notice.
 */
@Injectable()
export class MessageReleaseService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MessageRelease');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly messages: MessagesRepository,
    private readonly ledger: LedgerRepository,
    private readonly notifier: MessageNotifier,
    private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.releaseTickMs <= 0) return;
    this.timer = setInterval(() => {
      this.releaseDue().catch((error: Error) => this.logger.error(`Release failed, will retry: ${error.message}`));
    }, this.settings.releaseTickMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Releases everything due now; returns how many messages it released. Overlapping calls share one run. */
  releaseDue(): Promise<number> {
    this.running ??= this.releaseAllDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async releaseAllDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const batches = await this.releaseBatch();
      const released = batches.reduce((sum, batch) => sum + batch.messages.length, 0);
      total += released;
      if (batches.length) {
        const contacts = await this.messages.recipientContacts([...new Set(batches.map((batch) => batch.recipientId))]);
        for (const batch of batches) await this.notifier.released(batch, contacts.get(batch.recipientId));
      }
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
