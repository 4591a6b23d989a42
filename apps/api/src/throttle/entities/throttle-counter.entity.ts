import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A throttle counter kept in the database (when there is no Redis): events of one key in one window. */
@Entity('throttle_counters')
export class ThrottleCounterEntity {
  @PrimaryColumn('text') key: string;
  @PrimaryColumn('timestamptz', { name: 'window_start' }) windowStart: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('integer') count: number;
}
