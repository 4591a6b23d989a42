import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A server-side session; the client holds only the token, the database only its hash. */
@Entity('sessions')
@Index('sessions_token_hash_key', ['tokenHash'], { unique: true })
@Index('sessions_user_id_idx', ['userId'])
export class SessionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text', { name: 'token_hash' }) tokenHash: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Column('text', { name: 'user_agent', nullable: true }) userAgent: string | null;
  /** When the session last made a request (to within a few minutes). */
  @Column('timestamptz', { name: 'last_seen_at' }) lastSeenAt: Date;
  /** A short description of the browser and system, from the User-Agent ("Firefox on Windows"). */
  @Column('text', { nullable: true }) device: string | null;
}
