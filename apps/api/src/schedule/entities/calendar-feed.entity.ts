import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A parent's calendar feed link for one case. Only the SHA-256 of the link's secret is kept;
 * rotating revokes the row and makes a new one. Not part of the record.
 */
@Entity('calendar_feeds')
@Index('calendar_feeds_owner_idx', ['caseId', 'userId'])
export class CalendarFeedEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text', { name: 'secret_hash', unique: true }) secretHash: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}
