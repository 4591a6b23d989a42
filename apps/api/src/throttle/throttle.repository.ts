import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ThrottleStore, windowStart } from './throttle-store';

/** PostgreSQL (or the embedded PGlite): one row per key and window, swept as windows end. */
@Injectable()
export class ThrottleRepository implements ThrottleStore {
  private hits = 0;
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async hit(key: string, windowMs: number, now: Date): Promise<number> {
    const start = windowStart(windowMs, now);
    const rows: { count: number }[] = await this.dataSource.query(
      `INSERT INTO throttle_counters (key, window_start, expires_at, count) VALUES ($1, $2, $3, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = throttle_counters.count + 1
       RETURNING count`,
      [key, start, new Date(start.getTime() + windowMs)],
    );
    // Now and then, drop the counters of windows that have ended.
    this.hits += 1;
    if (this.hits % 200 === 0) await this.dataSource.query('DELETE FROM throttle_counters WHERE expires_at < $1', [now]);
    return Number(rows[0]?.count ?? 1);
  }

  async close(): Promise<void> {
    // The data source is closed by its own module.
  }
}
