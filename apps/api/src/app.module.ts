import { DynamicModule, Global, Module } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { AuthModule } from './auth/auth.module';
import { BenchModule } from './bench/bench.controller';
import { CasesModule } from './cases/cases.module';
import { Clock, SystemClock } from './common/clock';
import { SETTINGS, Settings } from './config/settings';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { LedgerModule } from './ledger/ledger.module';
import { MessagesModule } from './messages/messages.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SettingsModule } from './settings/settings.module';

export interface AppOptions {
  settings: Settings;
  /** Tests and benchmarks pass a clock they can move. */
  clock?: Clock;
}

/** Settings and the clock, available to every module. */
@Global()
@Module({})
class CoreModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: SETTINGS, useValue: options.settings },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
      ],
      exports: [SETTINGS, Clock],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        DatabaseModule.forRoot(options.settings),
        AuthModule,
        AccessModule,
        LedgerModule,
        NotificationsModule,
        CasesModule,
        SettingsModule,
        MessagesModule,
        ...(options.settings.benchEndpoints ? [BenchModule] : []),
      ],
      controllers: [HealthController],
    };
  }
}
