import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { LedgerModule } from '../ledger/ledger.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { InboxTermsRepository } from './inbox-terms.repository';
import { InboxTermsService } from './inbox-terms.service';
import { TermsController } from './terms.controller';
import { TermsRepository } from './terms.repository';
import { TermsService } from './terms.service';

@Module({
  imports: [AccessModule, LedgerModule, NotificationsModule],
  controllers: [TermsController],
  providers: [TermsRepository, TermsService, InboxTermsRepository, InboxTermsService],
  exports: [InboxTermsRepository, InboxTermsService],
})
export class TermsModule {}
