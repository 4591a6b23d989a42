import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Public } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import { CasesService } from './cases.service';
import { CreateCaseDto, CreateInvitationDto } from './dto/case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  create(@Auth() auth: AuthContext, @Body() dto: CreateCaseDto) {
    return this.cases.create(auth, dto);
  }

  @Get()
  list(@Auth() auth: AuthContext) {
    return this.cases.list(auth);
  }

  @Get(':caseId')
  get(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string) {
    return this.cases.view(caseId, auth.userId);
  }

  @Post(':caseId/invitations')
  invite(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: CreateInvitationDto) {
    return this.cases.invite(auth, caseId, dto);
  }
}

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly cases: CasesService) {}

  @Public()
  @Get(':token')
  preview(@Param('token') token: string) {
    return this.cases.previewInvitation(token);
  }

  @ApiBearerAuth()
  @Post(':token/accept')
  @HttpCode(200)
  accept(@Auth() auth: AuthContext, @Param('token') token: string) {
    return this.cases.acceptInvitation(auth, token);
  }
}
