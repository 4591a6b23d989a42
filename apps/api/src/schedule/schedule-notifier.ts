import { Injectable } from '@nestjs/common';
import { CaseAccessRepository } from '../access/case-access.repository';
import type { CaseTransaction } from '../ledger/case-commands';
import { RealtimeGateway } from '../notifications/realtime.gateway';

export type ScheduleChangeKind = 'plan' | 'override' | 'swap' | 'check-in';

/** After a schedule change commits, the other parent's screens are told (ids and status only; they fetch what they may see). */
@Injectable()
export class ScheduleNotifier {
  constructor(
    private readonly access: CaseAccessRepository,
    private readonly realtime: RealtimeGateway,
  ) {}

  announce(tx: CaseTransaction, actorId: string, change: { kind: ScheduleChangeKind; id: string; status: string }): void {
    const caseId = tx.caseRow.id;
    tx.afterCommit(async () => {
      const otherParentId = await this.access.otherParentId(caseId, actorId);
      if (otherParentId) this.realtime.emitToUser(otherParentId, 'schedule.changed', { caseId, ...change });
    });
  }
}
