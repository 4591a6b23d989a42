import { Injectable } from '@nestjs/common';
import { decideExpenseAction, splitFromShares, type ExpenseAction, type ExpenseDecision, type Split } from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { AuthContext } from '../common/auth-context';
import { decodeCursor, toPage } from '../common/cursor';
import { Conflict, InvalidInput, NotAllowed, NotFound } from '../common/errors';
import { CaseCommands, CaseTransaction } from '../ledger/case-commands';
import { checkPastDay, checkRange } from './calendar-date';
import { CreateExpenseDto, DisputeExpenseDto, ExpenseDto, ExpensePageDto, ListExpensesQuery, toExpenseDto } from './dto/expense.dto';
import { ExpenseEntity } from './entities/expense.entity';
import { ExpenseNotifier } from './expense-notifier';
import { CaseParents, ExpensesRepository } from './expenses.repository';

/**
 * Expenses: one parent logs what they paid, the other approves or disputes it; the logger
 * answers a dispute by withdrawing or by resubmitting a correction (a new expense that
 * references the first). Nothing is edited. Each step is one command: the row and its
 * ledger entry in one transaction, both parents' screens told after the commit.
 */
@Injectable()
export class ExpensesService {
  constructor(
    private readonly repository: ExpensesRepository,
    private readonly commands: CaseCommands,
    private readonly notifier: ExpenseNotifier,
  ) {}

  log(auth: AuthContext, caseId: string, dto: CreateExpenseDto): Promise<ExpenseDto> {
    return this.commands.run(caseId, async (tx) => {
      const parents = await this.parentsOrConflict(tx);
      const row = await this.insertLogged(tx, auth.userId, parents, dto, null);
      this.notifier.changed(tx, parents, auth.userId, 'expense', row.id, row.status);
      return toExpenseDto(row, parents, [], null);
    });
  }

  async list(caseId: string, query: ListExpensesQuery): Promise<ExpensePageDto> {
    checkRange(query);
    const limit = query.limit ?? 50;
    const rows = await this.repository.listExpenses(caseId, query, decodeCursor(query.cursor), limit + 1);
    const page = toPage(rows, limit, (row) => ({ at: row.loggedAt, id: row.id }));
    return { items: await this.toDtos(caseId, page.items), nextCursor: page.nextCursor };
  }

  async get(caseId: string, expenseId: string): Promise<ExpenseDto> {
    const row = await this.repository.findExpense(caseId, expenseId);
    if (!row) throw new NotFound('Expense not found');
    const [dto] = await this.toDtos(caseId, [row]);
    return dto!;
  }

  approve(auth: AuthContext, caseId: string, expenseId: string): Promise<ExpenseDto> {
    return this.answer(auth, caseId, expenseId, 'approve', async (tx, row) => {
      await tx.record('expense.approved', auth.userId, { expenseId: row.id });
      return { ...row, status: 'approved', decidedAt: tx.now, decidedBy: auth.userId };
    });
  }

  dispute(auth: AuthContext, caseId: string, expenseId: string, dto: DisputeExpenseDto): Promise<ExpenseDto> {
    const reason = dto.reason.trim();
    if (!reason) throw new InvalidInput([{ field: 'reason', rule: 'notBlank', message: 'reason must say why' }]);
    return this.answer(auth, caseId, expenseId, 'dispute', async (tx, row) => {
      await tx.record('expense.disputed', auth.userId, { expenseId: row.id, reason });
      return { ...row, status: 'disputed', decidedAt: tx.now, decidedBy: auth.userId, disputeReason: reason };
    });
  }

  withdraw(auth: AuthContext, caseId: string, expenseId: string): Promise<ExpenseDto> {
    return this.answer(auth, caseId, expenseId, 'withdraw', async (tx, row) => {
      await tx.record('expense.withdrawn', auth.userId, { expenseId: row.id });
      // Withdrawn while pending: the first decision. After a dispute: the dispute is closed.
      return row.status === 'pending' ? { ...row, status: 'withdrawn', decidedAt: tx.now, decidedBy: auth.userId } : { ...row, status: 'withdrawn', closedAt: tx.now };
    });
  }

  resubmit(auth: AuthContext, caseId: string, expenseId: string, dto: CreateExpenseDto): Promise<ExpenseDto> {
    return this.commands.run(caseId, async (tx) => {
      const parents = await this.parentsOrConflict(tx);
      const old = await this.repository.findExpense(caseId, expenseId, tx);
      if (!old) throw new NotFound('Expense not found');
      const decision = decideExpenseAction(old, 'resubmit', auth.userId);
      if (!decision.ok) throw expenseRefusal('resubmit', decision);
      await this.repository.updateExpense(tx, { ...old, status: 'resubmitted', closedAt: tx.now });
      const row = await this.insertLogged(tx, auth.userId, parents, dto, old.id);
      this.notifier.changed(tx, parents, auth.userId, 'expense', old.id, 'resubmitted');
      this.notifier.changed(tx, parents, auth.userId, 'expense', row.id, row.status);
      return toExpenseDto(row, parents, [], null);
    });
  }

  /** Decides `action` on the expense by the domain's rule, then lets `apply` record it and say the new row. */
  private answer(
    auth: AuthContext,
    caseId: string,
    expenseId: string,
    action: ExpenseAction,
    apply: (tx: CaseTransaction, row: ExpenseEntity) => Promise<ExpenseEntity>,
  ): Promise<ExpenseDto> {
    return this.commands.run(caseId, async (tx) => {
      const parents = await this.parentsOrConflict(tx);
      const row = await this.repository.findExpense(caseId, expenseId, tx);
      if (!row) throw new NotFound('Expense not found');
      const decision = decideExpenseAction(row, action, auth.userId);
      if (!decision.ok) throw expenseRefusal(action, decision);
      const changed = await apply(tx, row);
      await this.repository.updateExpense(tx, changed);
      this.notifier.changed(tx, parents, auth.userId, 'expense', changed.id, changed.status);
      const receipts = await this.repository.receiptsOf('expense', [row.id], tx);
      return toExpenseDto(changed, parents, receipts, null);
    });
  }

  private async insertLogged(tx: CaseTransaction, actorId: string, parents: CaseParents, dto: CreateExpenseDto, replacesExpenseId: string | null): Promise<ExpenseEntity> {
    checkPastDay('incurredOn', dto.incurredOn, tx.caseRow.timeZone, tx.now);
    const description = dto.description.trim();
    if (!description) throw new InvalidInput([{ field: 'description', rule: 'notBlank', message: 'description must say what was paid for' }]);
    let split: Split = tx.caseRow.terms.split;
    if (dto.shares !== undefined) {
      const resolved = splitFromShares(dto.shares, parents);
      if (!resolved.ok) throw new InvalidInput(resolved.problems);
      split = resolved.split;
    }
    const row: ExpenseEntity = {
      id: randomUUID(),
      caseId: tx.caseRow.id,
      loggedBy: actorId,
      category: dto.category,
      description,
      incurredOn: dto.incurredOn,
      amountMinor: dto.amountMinor,
      currency: dto.currency,
      firstParentBasisPoints: split.firstParentBasisPoints,
      splitSource: dto.shares === undefined ? 'case' : 'override',
      status: 'pending',
      loggedAt: tx.now,
      ledgerSeq: 0,
      replacesExpenseId,
      decidedAt: null,
      decidedBy: null,
      disputeReason: null,
      closedAt: null,
    };
    const entry = await tx.record('expense.logged', actorId, {
      expenseId: row.id,
      category: row.category,
      description: row.description,
      incurredOn: row.incurredOn,
      amountMinor: row.amountMinor,
      currency: row.currency,
      split: { firstParentBasisPoints: row.firstParentBasisPoints },
      splitSource: row.splitSource,
      replacesExpenseId,
    });
    row.ledgerSeq = entry.seq;
    await this.repository.insertExpense(tx, row);
    return row;
  }

  private async parentsOrConflict(tx: CaseTransaction): Promise<CaseParents> {
    const parents = await this.repository.parents(tx.caseRow.id, tx);
    if (!parents) throw new Conflict('Expenses are shared once the other parent has joined the case.');
    return parents;
  }

  private async toDtos(caseId: string, rows: ExpenseEntity[]): Promise<ExpenseDto[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [parents, receipts, replacements] = await Promise.all([this.repository.parents(caseId), this.repository.receiptsOf('expense', ids), this.repository.replacements(ids)]);
    if (!parents) return [];
    return rows.map((row) =>
      toExpenseDto(
        row,
        parents,
        receipts.filter((receipt) => receipt.expenseId === row.id),
        replacements.get(row.id) ?? null,
      ),
    );
  }
}

export function expenseRefusal(action: ExpenseAction, decision: Exclude<ExpenseDecision, { ok: true }>): Error {
  switch (decision.reason) {
    case 'logger_cannot_answer':
      return new NotAllowed('The other parent approves or disputes an expense; you cannot answer your own.');
    case 'only_logger':
      return new NotAllowed(action === 'attach_receipt' ? 'Only the parent who logged an expense adds its receipts.' : 'Only the parent who logged an expense can withdraw or resubmit it.');
    case 'wrong_status':
      switch (action) {
        case 'resubmit':
          return new Conflict(`Only a disputed expense can be resubmitted; this one is ${decision.status}.`);
        case 'attach_receipt':
          return new Conflict(`Receipts are added while an expense waits for approval; this one is ${decision.status}. Resubmit a correction to add more.`);
        case 'approve':
        case 'dispute':
        case 'withdraw':
          return new Conflict(`This expense is already ${decision.status}.`);
      }
  }
}
