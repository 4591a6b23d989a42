import { forwardRef, Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { AccountHousekeeping } from './account-housekeeping';
import { AccountMail } from './account-mail';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { SecretBox } from './secret-box';
import { SessionsService } from './sessions.service';
import { TotpService } from './totp.service';

@Module({
  // The realtime gateway authenticates sockets with this module's service, and ending a session ends its sockets: a cycle.
  imports: [forwardRef(() => NotificationsModule)],
  controllers: [AuthController],
  providers: [AuthRepository, AuthService, AccountService, SessionsService, TotpService, LoginThrottle, AccountMail, SecretBox, AccountHousekeeping],
  exports: [AuthService, AuthRepository],
})
export class AuthModule {}
