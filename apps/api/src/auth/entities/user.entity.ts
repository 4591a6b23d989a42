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
}
