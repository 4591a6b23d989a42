import type { PaymentMethod, PaymentStatus } from '@parallel/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from './expense.entity';

/** A reimbursement one parent says they made; it counts in the balance once the other confirms it. */
@Entity('payments')
export class PaymentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'paid_by' }) paidBy: string;
  @Column('uuid', { name: 'paid_to' }) paidTo: string;
  @Column('bigint', { name: 'amount_minor', transformer: BIGINT_AS_NUMBER }) amountMinor: number;
  @Column('text') currency: string;
  @Column('date', { name: 'paid_on' }) paidOn: string;
  @Column('text') method: PaymentMethod;
  @Column('text', { nullable: true }) reference: string | null;
  @Column('text') status: PaymentStatus;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
  @Column('integer', { name: 'ledger_seq' }) ledgerSeq: number;
  @Column('timestamptz', { name: 'confirmed_at', nullable: true }) confirmedAt: Date | null;
}
