import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An export for court, as its `export.made` entry says; append-only. */
@Entity('exports')
export class ExportEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  /** The parent who made it; null when a professional did, through `grantId`. */
  @Column('uuid', { name: 'requested_by', nullable: true }) requestedBy: string | null;
  /** The professional access it was made with; null for a parent's export. */
  @Column('uuid', { name: 'grant_id', nullable: true }) grantId: string | null;
  /** Its `export.made` entry: the bundle covers the chain up to and including it. */
  @Column('integer', { name: 'ledger_seq' }) ledgerSeq: number;
  @Column('text', { name: 'range_from', nullable: true }) rangeFrom: string | null;
  @Column('text', { name: 'range_to', nullable: true }) rangeTo: string | null;
  @Column('jsonb') sections: string[];
  @Column('text', { name: 'key_fingerprint' }) keyFingerprint: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
