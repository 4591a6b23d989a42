import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { ProfessionalVisitModule } from '../professional-access/professional-visit.module';
import { AccessGuard } from './access.guard';
import { CaseAccessRepository } from './case-access.repository';

@Module({
  imports: [AuthModule, ProfessionalVisitModule],
  providers: [CaseAccessRepository, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [CaseAccessRepository],
})
export class AccessModule {}
