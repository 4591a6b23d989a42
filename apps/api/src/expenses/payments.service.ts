import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthContext } from '../common/auth-context';
import { decodeCursor, toPage } from '../common/cursor';
import { Conflict, NotAllowed, NotFound } from '../common/errors';
import { CaseCommands } from '../ledger/case-commands';
import { checkPastDay } from './calendar-date';
import { ListPaymentsQuery, PaymentDto, PaymentPageDto, RecordPaymentDto, toPaymentDto } from './dto/payment.dto';
import { PaymentEntity } from './entities/payment.entity';
import { ExpenseNotifier } from './expense-notifier';
import { ExpensesRepository } from './expenses.repository';

/**
 * Reimbursement: the parent who owes records what they paid (any part of it), the other
 * confirms receiving it; only then does it count in the balance. Both steps are recorded.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly repository: ExpensesRepository,
    private readonly commands: CaseCommands,
    private readonly notifier: ExpenseNotifier,
  ) {}

  record(auth: AuthContext, caseId: string, dto: RecordPaymentDto): Promise<PaymentDto> {
    return this.commands.run(caseId, async (tx) => {
      const parents = await this.repository.parents(caseId, tx);
      if (!parents) throw new Conflict('Payments are recorded once the other parent has joined the case.');
      checkPastDay('paidOn', dto.paidOn, tx.caseRow.timeZone, tx.now);
      const paidTo = auth.userId === parents.firstParentId ? parents.secondParentId : parents.firstParentId;
      const reference = dto.reference?.trim() || null;
      const row: PaymentEntity = {
        id: randomUUID(),
        caseId,
        paidBy: auth.userId,
        paidTo,
        amountMinor: dto.amountMinor,
        currency: dto.currency,
        paidOn: dto.paidOn,
        method: dto.method,
        reference,
        status: 'recorded',
        recordedAt: tx.now,
        ledgerSeq: 0,
        confirmedAt: null,
      };
      const entry = await tx.record('payment.recorded', auth.userId, {
        paymentId: row.id,
        toParentId: paidTo,
        amountMinor: row.amountMinor,
        currency: row.currency,
        paidOn: row.paidOn,
        method: row.method,
        reference,
      });
      row.ledgerSeq = entry.seq;
      await this.repository.insertPayment(tx, row);
      this.notifier.changed(tx, parents, auth.userId, 'payment', row.id, row.status);
      return toPaymentDto(row, []);
    });
  }

  async list(caseId: string, query: ListPaymentsQuery): Promise<PaymentPageDto> {
    const limit = query.limit ?? 50;
    const rows = await this.repository.listPayments(caseId, query.status, decodeCursor(query.cursor), limit + 1);
    const page = toPage(rows, limit, (row) => ({ at: row.recordedAt, id: row.id }));
    const proofs = await this.repository.receiptsOf(
      'payment',
      page.items.map((row) => row.id),
    );
    return { items: page.items.map((row) => toPaymentDto(row, proofs.filter((proof) => proof.paymentId === row.id))), nextCursor: page.nextCursor };
  }

  confirm(auth: AuthContext, caseId: string, paymentId: string): Promise<PaymentDto> {
    return this.commands.run(caseId, async (tx) => {
      const parents = await this.repository.parents(caseId, tx);
      const row = await this.repository.findPayment(caseId, paymentId, tx);
      if (!row || !parents) throw new NotFound('Payment not found');
      // Only the parent paid can say the money arrived.
      if (row.paidTo !== auth.userId) throw new NotAllowed('The parent who was paid confirms a payment; you recorded this one.');
      if (row.status !== 'recorded') throw new Conflict('This payment is already confirmed.');
      const confirmed: PaymentEntity = { ...row, status: 'confirmed', confirmedAt: tx.now };
      await tx.record('payment.confirmed', auth.userId, { paymentId: row.id });
      await this.repository.confirmPayment(tx, confirmed);
      this.notifier.changed(tx, parents, auth.userId, 'payment', row.id, confirmed.status);
      return toPaymentDto(confirmed, await this.repository.receiptsOf('payment', [row.id], tx));
    });
  }
}
