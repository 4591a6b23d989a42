import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { LedgerModule } from '../ledger/ledger.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CalendarFeedController, PublicCalendarController } from './calendar-feed.controller';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { CalendarFeedService } from './calendar-feed.service';
import { CheckInsService } from './check-ins.service';
import { OverridesService } from './overrides.service';
import { PlansService } from './plans.service';
import { ScheduleNotifier } from './schedule-notifier';
import { ScheduleReader } from './schedule-reader.service';
import { ScheduleController } from './schedule.controller';
import { ScheduleRepository } from './schedule.repository';
import { SwapsController } from './swaps.controller';
import { SwapsService } from './swaps.service';

@Module({
  imports: [AccessModule, LedgerModule, NotificationsModule],
  controllers: [ScheduleController, SwapsController, CalendarFeedController, PublicCalendarController],
  providers: [ScheduleRepository, ScheduleReader, ScheduleNotifier, PlansService, OverridesService, SwapsService, CheckInsService, CalendarFeedRepository, CalendarFeedService],
})
export class ScheduleModule {}
