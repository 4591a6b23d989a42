import { Injectable } from '@nestjs/common';
import { type ChainVerification, type LedgerEntry, type OpenLedgerEntry, checkQueryModel, verifyLedgerChain, viewLedger } from '@parallel/domain';
import { NotFound } from '../common/errors';
import { nodeSha256Hex } from '../common/hashing';
import { LedgerRepository } from './ledger.repository';

export interface LedgerPage {
  items: LedgerEntry[];
  nextCursor: string | null;
}

export interface LedgerViewOptions {
  /** The recipient of held-back attempts sees their texts only when they ask to. */
  revealHeldBack: boolean;
}

@Injectable()
export class LedgerService {
  constructor(private readonly ledger: LedgerRepository) {}

  /**
   * A page of the chain as `userId` may read it: every entry up to now in its place, the
   * reader's own always open, some of the other parent's sealed (see `isSealedFor`).
   */
  async page(caseId: string, userId: string, afterSeq: number, limit: number, options: LedgerViewOptions = { revealHeldBack: false }): Promise<LedgerPage> {
    const entries = await this.ledger.list(caseId, afterSeq, limit + 1);
    const hasMore = entries.length > limit;
    const page = hasMore ? entries.slice(0, limit) : entries;
    return { items: await this.view(caseId, userId, page, options), nextCursor: hasMore ? String(page.at(-1)!.seq) : null };
  }

  /**
   * Checks the record as a court's expert would: the chain as `userId` may read it (sealed
   * entries by their body hashes) up to the head the case row holds, so entries removed
   * from the end are noticed; then every query-model row against the chain, so a text
   * changed in a table behind the ledger's back is noticed too. Names the first problem.
   */
  async verify(caseId: string, userId: string): Promise<ChainVerification> {
    const [entries, storedHead] = await Promise.all([this.ledger.list(caseId), this.ledger.storedHead(caseId)]);
    if (!storedHead) throw new NotFound('Case not found');
    const chain = verifyLedgerChain(await this.view(caseId, userId, entries, { revealHeldBack: false }), {
      caseId,
      expectedHead: storedHead,
      sha256Hex: nodeSha256Hex,
    });
    if (!chain.valid) return chain;
    const disagreeing = await this.ledger.firstColumnDisagreement(caseId);
    if (disagreeing !== null) {
      return { valid: false, count: chain.count, firstBadSeq: disagreeing, reason: `entry ${disagreeing} was altered: its stored columns no longer say what its hashed body says` };
    }
    const model = await this.ledger.queryModel(caseId);
    if (!model) throw new NotFound('Case not found');
    const check = checkQueryModel(entries, model);
    if (check.consistent) return chain;
    const where = check.seq === null ? 'a row that no entry of the record contains' : `entry ${check.seq}`;
    return {
      valid: false,
      count: chain.count,
      firstBadSeq: check.seq ?? chain.headSeq + 1,
      reason: `the ${check.table} table disagrees with ${where} (${check.field})`,
    };
  }

  private async view(caseId: string, userId: string, entries: OpenLedgerEntry[], options: LedgerViewOptions): Promise<LedgerEntry[]> {
    const addressedToViewer = entries.flatMap((entry) => (entry.type === 'message.sent' && entry.payload.recipientId === userId ? [entry.payload.messageId] : []));
    const unreleasedMessageIds = await this.ledger.unreleasedAmong(caseId, addressedToViewer);
    return viewLedger(entries, { userId, unreleasedMessageIds, revealHeldBack: options.revealHeldBack });
  }
}
