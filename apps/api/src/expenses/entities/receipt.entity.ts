import type { ReceiptMediaType } from '@parallel/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A stored receipt (of an expense) or proof of payment (of a payment); its bytes are in receipt_chunks. */
@Entity('receipts')
export class ReceiptEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'expense_id', nullable: true }) expenseId: string | null;
  @Column('uuid', { name: 'payment_id', nullable: true }) paymentId: string | null;
  @Column('uuid', { name: 'uploaded_by' }) uploadedBy: string;
  @Column('text', { name: 'media_type' }) mediaType: ReceiptMediaType;
  @Column('integer', { name: 'size_bytes' }) sizeBytes: number;
  /** Of the bytes as stored: image metadata was removed before hashing. */
  @Column('text') sha256: string;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt: Date;
  @Column('integer', { name: 'ledger_seq' }) ledgerSeq: number;
}

/** One piece of a receipt's bytes, in order. */
@Entity('receipt_chunks')
export class ReceiptChunkEntity {
  @PrimaryColumn('uuid', { name: 'receipt_id' }) receiptId: string;
  @PrimaryColumn('integer', { name: 'chunk_index' }) chunkIndex: number;
  @Column('bytea') data: Buffer;
}
