import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CasesController, InvitationsController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [LedgerModule, NotificationsModule],
  controllers: [CasesController, InvitationsController],
  providers: [CasesRepository, CasesService],
  exports: [CasesService, CasesRepository],
})
export class CasesModule {}
