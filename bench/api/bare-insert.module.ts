import { Body, Controller, HttpCode, Injectable, Module, OnModuleInit, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
// The API's own build (apps/api/dist, through the workspace link): the same classes the
// running app uses, so the clock, the session decorator and the DTO are the product's.
import { Auth, AuthContext, Public } from '@parallel/api/dist/common/auth-context';
import { Clock } from '@parallel/api/dist/common/clock';
import { UuidParam } from '@parallel/api/dist/common/validation';
import { SendMessageDto } from '@parallel/api/dist/messages/dto/message.dto';
import { poolOf, prepared } from '@parallel/api/dist/database/prepared';

const BARE_INSERT = prepared('bench_bare_insert', 'INSERT INTO bench_bare_messages (id, case_id, sender_id, topic, text, sent_at) VALUES ($1, $2, $3, $4, $5, $6)');

/** Real time, put ahead on request: the benchmark's parents' inbox terms bind after their notice. */
class AheadClock extends Clock {
  aheadMs = 0;
  now(): Date {
    return new Date(Date.now() + this.aheadMs);
  }
}
export const benchClock = new AheadClock();

@ApiExcludeController()
@Controller('bench/clock')
export class BenchClockController {
  @Post()
  @HttpCode(200)
  @Public()
  putAhead(@Body() body: { aheadMs?: unknown }) {
    const aheadMs = Number(body?.aheadMs);
    if (Number.isFinite(aheadMs) && aheadMs >= 0) benchClock.aheadMs = aheadMs;
    return { now: benchClock.now().toISOString() };
  }
}

/**
 * Benchmark baseline, mounted only by the benchmark's own entry (bench/api/bench-api.ts),
 * never by the product: the same route shape, session check, membership check and
 * validation as a send, then one plain INSERT with no case lock, no quota and no ledger.
 * The message benchmark divides by it.
 */
@Injectable()
export class BareInsertRepository implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    // A scratch table for the baseline only; the product's schema comes from migrations.
    await this.dataSource.query(
      'CREATE TABLE IF NOT EXISTS bench_bare_messages (id uuid PRIMARY KEY, case_id uuid NOT NULL, sender_id uuid NOT NULL, topic text NOT NULL, text text NOT NULL, sent_at timestamptz NOT NULL)',
    );
  }

  async insert(row: { id: string; caseId: string; senderId: string; topic: string; text: string; sentAt: Date }): Promise<void> {
    // Prepared, and on the pool itself, as the floor's INSERT and the product's hot statements are.
    await poolOf(this.dataSource).query(BARE_INSERT, [
      row.id,
      row.caseId,
      row.senderId,
      row.topic,
      row.text,
      row.sentAt,
    ]);
  }
}

@ApiExcludeController()
@Controller('bench/cases/:caseId')
export class BenchController {
  constructor(
    private readonly bare: BareInsertRepository,
    private readonly clock: Clock,
  ) {}

  @Post('bare-messages')
  async bareInsert(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: SendMessageDto) {
    const row = { id: randomUUID(), caseId, senderId: auth.userId, topic: dto.topic, text: dto.text, sentAt: this.clock.now() };
    await this.bare.insert(row);
    return { id: row.id, sentAt: row.sentAt.toISOString() };
  }
}

@Module({ controllers: [BenchController, BenchClockController], providers: [BareInsertRepository] })
export class BenchModule {}
