import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type AccountTokenPurpose = 'password_reset' | 'email_change' | 'second_factor';

/** A one-use token mailed to (or, for the second factor, answered to) an account holder; only its SHA-256 is kept. */
@Entity('account_tokens')
@Index('account_tokens_user_purpose_key', ['userId', 'purpose'], { unique: true })
export class AccountTokenEntity {
  @PrimaryColumn('text', { name: 'token_hash' }) tokenHash: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') purpose: AccountTokenPurpose;
  /** For an address change: the address being confirmed. */
  @Column('text', { name: 'new_email', nullable: true }) newEmail: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
}
