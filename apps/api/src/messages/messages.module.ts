import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { LedgerModule } from '../ledger/ledger.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TermsModule } from '../terms/terms.module';
import { MessageNotifier } from './message-notifier';
import { MessageReleaseService } from './message-release.service';
import { MessagesController } from './messages.controller';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';

@Module({
  imports: [AccessModule, LedgerModule, NotificationsModule, TermsModule],
  controllers: [MessagesController],
  providers: [MessagesRepository, MessagesService, MessageNotifier, MessageReleaseService],
  exports: [MessagesService, MessageReleaseService],
})
export class MessagesModule {}
