import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('idempotent_replies')
export class IdempotentReplyEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @PrimaryColumn('text') key: string;
  /** SHA-256 of the request body: the same key with another body is refused, not replayed. */
  @Column('text', { name: 'request_hash' }) requestHash: string;
  @Column('integer') status: number;
  @Column('jsonb') body: object;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
