import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExpenseCategory, ExpenseStatus, PaymentStatus } from '@parallel/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Cursor } from '../common/cursor';
import type { Tx } from '../database/transaction';
import { ExpenseEntity } from './entities/expense.entity';
import { PaymentEntity } from './entities/payment.entity';
import { ReceiptChunkEntity, ReceiptEntity } from './entities/receipt.entity';

/** The two parents of a case: the one who created it ("first", whose share a split names) and the one who joined. */
export interface CaseParents {
  firstParentId: string;
  secondParentId: string;
}

export interface ExpenseFilter {
  status?: ExpenseStatus;
  category?: ExpenseCategory;
  from?: string;
  to?: string;
}

/** Expenses, payments and their stored files. */
@Injectable()
export class ExpensesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  /** Null while the second parent has not joined. */
  async parents(caseId: string, tx?: Tx): Promise<CaseParents | null> {
    const rows: { created_by: string; user_id: string | null }[] = await this.manager(tx).query(
      `SELECT c.created_by, m.user_id FROM cases c LEFT JOIN case_members m ON m.case_id = c.id AND m.user_id <> c.created_by WHERE c.id = $1`,
      [caseId],
    );
    const row = rows[0];
    return row?.user_id ? { firstParentId: row.created_by, secondParentId: row.user_id } : null;
  }

  async insertExpense(tx: Tx, row: ExpenseEntity): Promise<void> {
    await tx.manager.insert(ExpenseEntity, row);
  }

  findExpense(caseId: string, id: string, tx?: Tx): Promise<ExpenseEntity | null> {
    return this.manager(tx).getRepository(ExpenseEntity).findOneBy({ caseId, id });
  }

  async updateExpense(tx: Tx, row: ExpenseEntity): Promise<void> {
    await tx.manager
      .getRepository(ExpenseEntity)
      .update({ id: row.id }, { status: row.status, decidedAt: row.decidedAt, decidedBy: row.decidedBy, disputeReason: row.disputeReason, closedAt: row.closedAt });
  }

  listExpenses(caseId: string, filter: ExpenseFilter, cursor: Cursor | null, take: number): Promise<ExpenseEntity[]> {
    const query = this.dataSource.getRepository(ExpenseEntity).createQueryBuilder('e').where('e.case_id = :caseId', { caseId });
    if (filter.status) query.andWhere('e.status = :status', { status: filter.status });
    if (filter.category) query.andWhere('e.category = :category', { category: filter.category });
    if (filter.from) query.andWhere('e.incurred_on >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.incurred_on <= :to', { to: filter.to });
    if (cursor) query.andWhere('(e.logged_at, e.id) < (:at, :id)', { at: cursor.at, id: cursor.id });
    return query.orderBy('e.logged_at', 'DESC').addOrderBy('e.id', 'DESC').take(take).getMany();
  }

  /** Every expense of the case (for the balance), or those incurred in a range (for reports). */
  expensesOf(caseId: string, range: { from?: string; to?: string } = {}): Promise<ExpenseEntity[]> {
    const query = this.dataSource.getRepository(ExpenseEntity).createQueryBuilder('e').where('e.case_id = :caseId', { caseId });
    if (range.from) query.andWhere('e.incurred_on >= :from', { from: range.from });
    if (range.to) query.andWhere('e.incurred_on <= :to', { to: range.to });
    return query.orderBy('e.incurred_on', 'ASC').addOrderBy('e.logged_at', 'ASC').addOrderBy('e.id', 'ASC').getMany();
  }

  /** For each expense id, the id of the expense that corrects it, if any. */
  async replacements(expenseIds: string[]): Promise<Map<string, string>> {
    if (expenseIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(ExpenseEntity).find({ select: { id: true, replacesExpenseId: true }, where: { replacesExpenseId: In(expenseIds) } });
    return new Map(rows.flatMap((row) => (row.replacesExpenseId ? [[row.replacesExpenseId, row.id] as const] : [])));
  }

  async insertPayment(tx: Tx, row: PaymentEntity): Promise<void> {
    await tx.manager.insert(PaymentEntity, row);
  }

  findPayment(caseId: string, id: string, tx?: Tx): Promise<PaymentEntity | null> {
    return this.manager(tx).getRepository(PaymentEntity).findOneBy({ caseId, id });
  }

  async confirmPayment(tx: Tx, row: PaymentEntity): Promise<void> {
    await tx.manager.getRepository(PaymentEntity).update({ id: row.id }, { status: row.status, confirmedAt: row.confirmedAt });
  }

  listPayments(caseId: string, status: PaymentStatus | undefined, cursor: Cursor | null, take: number): Promise<PaymentEntity[]> {
    const query = this.dataSource.getRepository(PaymentEntity).createQueryBuilder('p').where('p.case_id = :caseId', { caseId });
    if (status) query.andWhere('p.status = :status', { status });
    if (cursor) query.andWhere('(p.recorded_at, p.id) < (:at, :id)', { at: cursor.at, id: cursor.id });
    return query.orderBy('p.recorded_at', 'DESC').addOrderBy('p.id', 'DESC').take(take).getMany();
  }

  paymentsOf(caseId: string, range: { from?: string; to?: string } = {}): Promise<PaymentEntity[]> {
    const query = this.dataSource.getRepository(PaymentEntity).createQueryBuilder('p').where('p.case_id = :caseId', { caseId });
    if (range.from) query.andWhere('p.paid_on >= :from', { from: range.from });
    if (range.to) query.andWhere('p.paid_on <= :to', { to: range.to });
    return query.orderBy('p.paid_on', 'ASC').addOrderBy('p.recorded_at', 'ASC').addOrderBy('p.id', 'ASC').getMany();
  }

  /** The stored files of these expenses or payments, oldest first. */
  receiptsOf(owner: 'expense' | 'payment', ids: string[], tx?: Tx): Promise<ReceiptEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager(tx)
      .getRepository(ReceiptEntity)
      .find({ where: owner === 'expense' ? { expenseId: In(ids) } : { paymentId: In(ids) }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  findReceipt(caseId: string, owner: { expenseId: string } | { paymentId: string }, id: string): Promise<ReceiptEntity | null> {
    return this.dataSource.getRepository(ReceiptEntity).findOneBy({ caseId, id, ...owner });
  }

  /** Stores a file's row and its bytes, chunk by chunk as they are read: never the whole file in memory. */
  async insertReceipt(tx: Tx, row: ReceiptEntity, chunks: AsyncIterable<Buffer>): Promise<void> {
    await tx.manager.insert(ReceiptEntity, row);
    let index = 0;
    for await (const data of chunks) {
      await tx.manager.query('INSERT INTO receipt_chunks (receipt_id, chunk_index, data) VALUES ($1, $2, $3)', [row.id, index, data]);
      index += 1;
    }
  }

  /** The case's stored files (receipts and proofs of payment) recorded up to entry `headSeq`, in the chain's order. */
  receiptsUpTo(caseId: string, headSeq: number): Promise<ReceiptEntity[]> {
    return this.dataSource
      .getRepository(ReceiptEntity)
      .createQueryBuilder('r')
      .where('r.case_id = :caseId AND r.ledger_seq <= :headSeq', { caseId, headSeq })
      .orderBy('r.ledger_seq', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  /** A stored file's bytes, one chunk per query, in order. */
  async *readReceipt(receiptId: string): AsyncGenerator<Buffer> {
    const count = await this.dataSource.getRepository(ReceiptChunkEntity).countBy({ receiptId });
    for (let index = 0; index < count; index += 1) {
      const rows: { data: Uint8Array }[] = await this.dataSource.query('SELECT data FROM receipt_chunks WHERE receipt_id = $1 AND chunk_index = $2', [receiptId, index]);
      const data = rows[0]?.data;
      if (!data) throw new Error(`Receipt ${receiptId} lacks its chunk ${index}`);
      // pg gives a Buffer, PGlite a Uint8Array: the same bytes either way, not copied.
      yield Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    }
  }
}
