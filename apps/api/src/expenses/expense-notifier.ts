import { Injectable } from '@nestjs/common';
import type { CaseTransaction } from '../ledger/case-commands';
import { RealtimeGateway } from '../notifications/realtime.gateway';
import type { CaseParents } from './expenses.repository';

/**
 * After the commit, tells both parents' screens that an expense or payment changed (the
 * actor's other devices too): `expense.changed` with ids and the new status, never amounts
 * or text, so a client fetches what it may see.
 */
@Injectable()
export class ExpenseNotifier {
  constructor(private readonly realtime: RealtimeGateway) {}

  changed(tx: CaseTransaction, parents: CaseParents, actorId: string, kind: 'expense' | 'payment', id: string, status: string): void {
    const caseId = tx.caseRow.id;
    tx.afterCommit(() => {
      for (const userId of [parents.firstParentId, parents.secondParentId]) {
        this.realtime.emitToUser(userId, 'expense.changed', { caseId, kind, id, status, actorId });
      }
    });
  }
}
