import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('login_attempts')
@Index('login_attempts_email_at_idx', ['email', 'at'])
@Index('login_attempts_address_at_idx', ['address', 'at'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('text') email: string;
  @Column('text') address: string;
  @Column('boolean') succeeded: boolean;
  @Column('timestamptz') at: Date;
}
