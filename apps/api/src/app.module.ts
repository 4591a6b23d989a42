import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { Clock, SystemClock } from './common/clock';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { ExpensesModule } from './expenses/expenses.module';
import { ExportsModule } from './export/exports.module';
import { HealthController } from './health/health.controller';
import { HealthRepository } from './health/health.repository';
import { LedgerModule } from './ledger/ledger.module';
import { MessagesModule } from './messages/messages.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProfessionalAccessModule } from './professional-access/professional-access.module';
import { TermsModule } from './terms/terms.module';
import { ScheduleModule } from './schedule/schedule.module';
import { ThrottleModule } from './throttle/throttle.module';

export interface AppOptions {
  config: AppConfig;
  /** Tests and benchmarks pass a clock they can move. */
  clock?: Clock;
  /**
   * Modules mounted beside the product's own; only tools outside the product pass any
   * (the message benchmark's baseline endpoint, bench/api). The product never does.
   */
  extraModules?: (Type | DynamicModule)[];
}

/** AppConfig and the clock, available to every module. */
@Global()
@Module({})
class CoreModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
      ],
      exports: [APP_CONFIG, Clock],
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
        DatabaseModule.forRoot(options.config),
        ThrottleModule,
        AuthModule,
        AccessModule,
        LedgerModule,
        NotificationsModule,
        CasesModule,
        TermsModule,
        MessagesModule,
        ScheduleModule,
        ExpensesModule,
        ExportsModule,
        ProfessionalAccessModule,
        ...(options.extraModules ?? []),
      ],
      controllers: [HealthController],
      providers: [HealthRepository],
    };
  }
}
