import { Module } from '@nestjs/common';
import { ProfessionalAccessRepository } from './professional-access.repository';
import { ProfessionalVisitAuthenticator } from './professional-visit-authenticator';

/**
 * What the access guard needs to recognise a professional's visit (and the repository it
 * reads): apart from ProfessionalAccessModule, which depends on the guard's module.
 */
@Module({
  providers: [ProfessionalAccessRepository, ProfessionalVisitAuthenticator],
  exports: [ProfessionalAccessRepository, ProfessionalVisitAuthenticator],
})
export class ProfessionalVisitModule {}
