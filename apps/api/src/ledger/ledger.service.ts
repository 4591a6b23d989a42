import { Injectable } from '@nestjs/common';
import { ChainVerification, LedgerEntry, verifyLedgerChain } from '@parallel/domain';
import { LedgerRepository } from './ledger.repository';

export interface LedgerPage {
  items: LedgerEntry[];
  nextCursor: string | null;
}

@Injectable()
export class LedgerService {
  constructor(private readonly ledger: LedgerRepository) {}

  /** A page of the chain as `userId` may see it (up to the first message still held for them). */
  async page(caseId: string, userId: string, afterSeq: number, limit: number): Promise<LedgerPage> {
    const items = await this.ledger.list(caseId, afterSeq, limit + 1, await this.ledger.embargoStart(caseId, userId));
    const hasMore = items.length > limit;
    const page = hasMore ? items.slice(0, limit) : items;
    return { items: page, nextCursor: hasMore ? String(page.at(-1)!.seq) : null };
  }

  /** Recomputes the chain, as far as `userId` may see it, from the stored rows, as a court's expert would. */
  async verify(caseId: string, userId: string): Promise<ChainVerification> {
    return verifyLedgerChain(await this.ledger.list(caseId, 0, undefined, await this.ledger.embargoStart(caseId, userId)), caseId);
  }
}
