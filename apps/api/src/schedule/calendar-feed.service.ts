import { Inject, Injectable } from '@nestjs/common';
import { expandSchedule, formatDate, localDateOf, zoneOf } from '@parallel/domain';
import { ICalCalendar, ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
// ical-generator writes TZID times but leaves the VTIMEZONE to a generator; this library keeps the IANA rules as iCalendar blocks.
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { nodeSha256Hex } from '../common/hashing';
import { NotFound } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { CalendarFeedDto } from './dto/schedule-responses.dto';
import type { CalendarFeedEntity } from './entities/calendar-feed.entity';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { ScheduleReader } from './schedule-reader.service';

/** How far back and ahead a feed reaches: calendar apps keep what they fetched. */
const FEED_PAST_DAYS = 31;
const FEED_FUTURE_DAYS = 365;
/** A secret link: `/api/calendar/<secret>.ics`, the secret 43 URL-safe characters (256 bits). */
export const FEED_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Each parent's secret calendar link per case, for Google, Apple and Outlook to subscribe
 * to. The database keeps only the SHA-256 of a link's secret, so reading it never reveals a
 * working link. The secret is an HMAC of the link's id under a key kept in DATA_DIR (like
 * the signing key: processes that serve one database share it), so the owner can be shown
 * the same link again; rotating makes a new link and revokes the old one at once.
 */
@Injectable()
export class CalendarFeedService {
  private key: Buffer | null = null;

  constructor(
    private readonly repository: CalendarFeedRepository,
    private readonly reader: ScheduleReader,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(auth: AuthContext, caseId: string): Promise<CalendarFeedDto> {
    const existing = await this.repository.findActive(caseId, auth.userId);
    const row = existing ?? (await this.repository.insertFirst(this.newRow(caseId, auth.userId)));
    return this.toDto(row);
  }

  async rotate(auth: AuthContext, caseId: string): Promise<CalendarFeedDto> {
    const row = this.newRow(caseId, auth.userId);
    await this.repository.replace(row, this.clock.now());
    return this.toDto(row);
  }

  /** The feed behind a secret, as RFC 5545 text; a revoked, unknown or malformed secret is a 404 alike. */
  async ics(secret: string): Promise<string> {
    if (!FEED_SECRET_PATTERN.test(secret)) throw new NotFound('No calendar here.');
    const row = await this.repository.findBySecretHash(nodeSha256Hex(secret));
    if (!row || !(await this.repository.isMember(row.caseId, row.userId))) throw new NotFound('No calendar here.');
    const found = await this.repository.findCase(row.caseId);
    if (!found) throw new NotFound('No calendar here.');
    const loaded = await this.reader.load(row.caseId, found.timeZone);
    const zone = zoneOf(found.timeZone);
    const now = this.clock.now();
    const today = localDateOf(zone, now.getTime());
    const calendar = new ICalCalendar({
      name: `${found.name}: parenting time`,
      prodId: { company: 'Parallel', product: 'schedule', language: 'EN' },
      method: ICalCalendarMethod.PUBLISH,
      timezone: { name: found.timeZone, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null },
      ttl: 60 * 60,
    });
    if (loaded) {
      const names = await this.repository.displayNames([...loaded.parents]);
      const nameOf = (id: string | null) => (id === null ? 'no one' : id === row.userId ? 'you' : (names.get(id) ?? 'the other parent'));
      const range = expandSchedule(loaded.inputs, formatDate(today - FEED_PAST_DAYS * 86_400_000), formatDate(today + FEED_FUTURE_DAYS * 86_400_000));
      const local = (ms: number) => DateTime.fromMillis(ms, { zone: found.timeZone });
      // Whole stretches with one parent (a swapped day beside the plan's days is one stay), and only
      // those that begin inside the window: one cut at the window's edge would change its UID daily.
      const windowStart = range.intervals[0]?.from ?? 0;
      const stretches: { from: number; to: number; parentId: string }[] = [];
      for (const interval of range.intervals) {
        if (interval.parentId === null) continue;
        const last = stretches[stretches.length - 1];
        if (last && last.parentId === interval.parentId && last.to === interval.from) last.to = interval.to;
        else stretches.push({ from: interval.from, to: interval.to, parentId: interval.parentId });
      }
      for (const interval of stretches) {
        if (interval.from <= windowStart) continue;
        calendar.createEvent({
          // Stable while the stretch starts at the same instant with the same parent.
          id: `custody-${row.caseId}-${interval.parentId}-${new Date(interval.from).toISOString()}@parallel`,
          start: local(interval.from),
          end: local(interval.to),
          timezone: found.timeZone,
          stamp: now,
          summary: interval.parentId === row.userId ? 'Children with you' : `Children with ${nameOf(interval.parentId)}`,
          // Custody stretches do not make the parent look busy; exchanges do.
          transparency: ICalEventTransparency.TRANSPARENT,
        });
      }
      for (const exchange of range.exchanges) {
        const from = nameOf(exchange.fromParentId);
        const to = nameOf(exchange.toParentId);
        calendar.createEvent({
          id: `exchange-${row.caseId}-${exchange.id}@parallel`,
          start: local(exchange.at),
          end: local(exchange.at + 15 * 60_000),
          timezone: found.timeZone,
          stamp: now,
          summary: `Exchange: ${capitalize(from)} ${from === 'you' ? 'hand' : 'hands'} over to ${to}`,
          location: exchange.place || null,
          description: `${capitalize(from)} ${from === 'you' ? 'hand' : 'hands'} the children over to ${to}${exchange.place ? ` at ${exchange.place}` : ''}.`,
        });
      }
    }
    return calendar.toString();
  }

  private newRow(caseId: string, userId: string): CalendarFeedEntity {
    const id = randomUUID();
    return { id, caseId, userId, secretHash: nodeSha256Hex(this.secretOf(id)), createdAt: this.clock.now(), revokedAt: null };
  }

  private toDto(row: CalendarFeedEntity): CalendarFeedDto {
    return { url: `${this.config.publicUrl.replace(/\/$/, '')}/api/calendar/${this.secretOf(row.id)}.ics`, createdAt: row.createdAt.toISOString() };
  }

  private secretOf(feedId: string): string {
    return createHmac('sha256', this.feedKey()).update(`calendar-feed:${feedId}`).digest('base64url');
  }

  /** The feed key from DATA_DIR, made on first use (32 random bytes, readable by the owner only). */
  private feedKey(): Buffer {
    if (this.key) return this.key;
    const file = join(this.config.dataDir, 'calendar-feed.key');
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      try {
        writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
      } catch (error) {
        // Another process made it first: use theirs.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      chmodSync(file, 0o600);
    }
    this.key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    return this.key;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
