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

  async page(caseId: string, afterSeq: number, limit: number): Promise<LedgerPage> {
    const items = await this.ledger.list(caseId, afterSeq, limit + 1);
    const hasMore = items.length > limit;
    const page = hasMore ? items.slice(0, limit) : items;
    return { items: page, nextCursor: hasMore ? String(page.at(-1)!.seq) : null };
  }

  /** Recomputes the whole chain from the stored rows, as a court's expert would. */
  async verify(caseId: string): Promise<ChainVerification> {
    return verifyLedgerChain(await this.ledger.list(caseId), caseId);
  }
}
