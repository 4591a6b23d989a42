import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CasesModule } from '../cases/cases.module';
import { ExportsModule } from '../export/exports.module';
import { LedgerModule } from '../ledger/ledger.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProfessionalAccessController } from './professional-access.controller';
import { ProfessionalAccessNotifier } from './professional-access-notifier';
import { ProfessionalAccessService } from './professional-access.service';
import { ProfessionalLinkController, ProfessionalRecordController } from './professional-record.controller';
import { ProfessionalRecordService } from './professional-record.service';
import { ProfessionalVisitModule } from './professional-visit.module';
import { ProfessionalVisitsService } from './professional-visits.service';

/**
 * Professional access (the court-record issue's second half): a parent gives a lawyer, a
 * mediator or a guardian ad litem an expiring, revocable link to read and export the record.
 */
@Module({
  imports: [AccessModule, CasesModule, ExportsModule, LedgerModule, NotificationsModule, ProfessionalVisitModule],
  controllers: [ProfessionalAccessController, ProfessionalLinkController, ProfessionalRecordController],
  providers: [ProfessionalAccessService, ProfessionalAccessNotifier, ProfessionalVisitsService, ProfessionalRecordService],
})
export class ProfessionalAccessModule {}
