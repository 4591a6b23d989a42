import type { ExpenseCategory, ExpenseStatus } from '@parallel/domain';
import { Column, Entity, PrimaryColumn, ValueTransformer } from 'typeorm';

/** int8 arrives as a string; amounts stay below 2^53 (AMOUNT_MINOR_MAX), so a number holds them exactly. */
export const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | number | bigint) => Number(value),
};

/** An expense one parent paid and asks the other to share; the facts are fixed, the status moves forward only. */
@Entity('expenses')
export class ExpenseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'logged_by' }) loggedBy: string;
  @Column('text') category: ExpenseCategory;
  @Column('text') description: string;
  /** YYYY-MM-DD, a calendar day in the case's zone. */
  @Column('date', { name: 'incurred_on' }) incurredOn: string;
  @Column('bigint', { name: 'amount_minor', transformer: BIGINT_AS_NUMBER }) amountMinor: number;
  @Column('text') currency: string;
  @Column('integer', { name: 'first_parent_basis_points' }) firstParentBasisPoints: number;
  @Column('text', { name: 'split_source' }) splitSource: 'case' | 'override';
  @Column('text') status: ExpenseStatus;
  @Column('timestamptz', { name: 'logged_at' }) loggedAt: Date;
  @Column('integer', { name: 'ledger_seq' }) ledgerSeq: number;
  @Column('uuid', { name: 'replaces_expense_id', nullable: true }) replacesExpenseId: string | null;
  /** The other parent's approval or dispute, or the logger withdrawing while pending. */
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('text', { name: 'dispute_reason', nullable: true }) disputeReason: string | null;
  /** When the logger answered a dispute (withdrew or resubmitted). */
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
}
