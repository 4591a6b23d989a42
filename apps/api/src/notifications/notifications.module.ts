import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MailService } from './mail.service';
import { RealtimeGateway } from './realtime.gateway';

@Module({ imports: [AuthModule], providers: [MailService, RealtimeGateway], exports: [MailService, RealtimeGateway] })
export class NotificationsModule {}
