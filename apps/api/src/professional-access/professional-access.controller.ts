import { Body, Controller, Delete, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import { GrantedProfessionalAccessDto, GrantProfessionalAccessDto, ProfessionalAccessDto, ProfessionalAccessListDto } from './dto/professional-access.dto';
import { ProfessionalAccessService } from './professional-access.service';

/** A parent's side: give a lawyer, a mediator or a guardian ad litem access to the record, see it, end it. */
@ApiTags('professional access')
@Controller('cases/:caseId/professional-access')
export class ProfessionalAccessController {
  constructor(private readonly access: ProfessionalAccessService) {}

  @Get()
  @ApiOperation({ summary: 'Every professional access of the case, newest first (both parents see them all)' })
  @ApiOkResponse({ type: ProfessionalAccessListDto })
  @ApiErrors(400, 404)
  list(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string): Promise<ProfessionalAccessListDto> {
    return this.access.list(auth, caseId);
  }

  @Post()
  @ApiOperation({
    summary: 'Give a professional an expiring link to read and export the record, and nothing else',
    description:
      'Recorded (professional_access.granted). The link is mailed to the professional and answered here once; only its hash is kept. The other parent is mailed and sees the entry. At most 90 days.',
  })
  @ApiCreatedResponse({ type: GrantedProfessionalAccessDto })
  @ApiErrors(400, 404, 409, 429)
  grant(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: GrantProfessionalAccessDto): Promise<GrantedProfessionalAccessDto> {
    return this.access.grant(auth, caseId, dto);
  }

  @Delete(':grantId')
  @ApiOperation({
    summary: 'End a professional access before its time: the link and every view open with it stop at once',
    description: 'Recorded (professional_access.revoked). Only the parent who gave it.',
  })
  @ApiOkResponse({ type: ProfessionalAccessDto })
  @ApiErrors(400, 403, 404, 409)
  revoke(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('grantId') grantId: string): Promise<ProfessionalAccessDto> {
    return this.access.revoke(auth, caseId, grantId);
  }
}
