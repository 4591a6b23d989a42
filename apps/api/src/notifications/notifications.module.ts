import { forwardRef, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MailService } from './mail.service';
import { RealtimeGateway } from './realtime.gateway';

@Module({ imports: [forwardRef(() => AuthModule)], providers: [MailService, RealtimeGateway], exports: [MailService, RealtimeGateway] })
export class NotificationsModule {}
