import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('users')
@Index('users_email_key', ['email'], { unique: true })
export class UserEntity {
  @PrimaryColumn('uuid') id: string;
  /** Stored lower-cased and trimmed: one address, one account. */
  @Column('text') email: string;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  /** Whether the web folds away the hostile parts of received messages (the shield); on unless turned off. */
  @Column('boolean', { default: true }) shield: boolean;
  /** The confirmed TOTP secret (base32); null while the second factor is off. */
  @Column('text', { name: 'totp_secret', nullable: true }) totpSecret?: string | null;
  /** A secret being enrolled, until a first code from it is confirmed. */
  @Column('text', { name: 'totp_pending_secret', nullable: true }) totpPendingSecret?: string | null;
  /** The last time step whose code was accepted, so a code is never accepted twice. */
  @Column('bigint', { name: 'totp_last_step', nullable: true }) totpLastStep?: string | null;
}
