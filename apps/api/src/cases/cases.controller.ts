import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext, Public } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import { CADENCE_MODELS } from '../terms/dto/terms.dto';
import { CasesService } from './cases.service';
import { CaseDto, CaseListDto, CreateCaseDto, CreateInvitationDto, InvitationDto, InvitationPreviewDto } from './dto/case.dto';

@ApiTags('cases')
@ApiExtraModels(...CADENCE_MODELS)
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({ summary: 'Open a case, with the caller as its first parent' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiErrors(400)
  create(@Auth() auth: AuthContext, @Body() dto: CreateCaseDto): Promise<CaseDto> {
    return this.cases.create(auth, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The cases the caller is a parent of' })
  @ApiOkResponse({ type: CaseListDto })
  list(@Auth() auth: AuthContext): Promise<CaseListDto> {
    return this.cases.list(auth);
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'One case' })
  @ApiOkResponse({ type: CaseDto })
  @ApiErrors(400, 404)
  get(@UuidParam('caseId') caseId: string): Promise<CaseDto> {
    return this.cases.view(caseId);
  }

  @Post(':caseId/invitations')
  @ApiOperation({ summary: 'Invite the other parent by e-mail', description: 'The link is in the mail only; a new invitation replaces a pending one.' })
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiErrors(400, 404, 409, 429)
  invite(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: CreateInvitationDto): Promise<InvitationDto> {
    return this.cases.invite(auth, caseId, dto);
  }
}

@ApiTags('invitations')
@ApiExtraModels(...CADENCE_MODELS)
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly cases: CasesService) {}

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'What an invitation link is for, before signing in' })
  @ApiOkResponse({ type: InvitationPreviewDto })
  @ApiErrors(404, 410)
  preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.cases.previewInvitation(token);
  }

  @Post(':token/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Join the case as its second parent', description: 'The signed-in account must use the address the invitation was sent to.' })
  @ApiOkResponse({ type: CaseDto })
  @ApiErrors(403, 404, 409, 410)
  accept(@Auth() auth: AuthContext, @Param('token') token: string): Promise<CaseDto> {
    return this.cases.acceptInvitation(auth, token);
  }
}
