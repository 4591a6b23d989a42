import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import { CreateProposalDto } from './dto/proposal.dto';
import { TermsService } from './terms.service';

@ApiTags('terms')
@ApiBearerAuth()
@Controller('cases/:caseId')
export class TermsController {
  constructor(private readonly terms: TermsService) {}

  @Get('settings')
  get(@UuidParam('caseId') caseId: string) {
    return this.terms.get(caseId);
  }

  @Get('proposals')
  list(@UuidParam('caseId') caseId: string) {
    return this.terms.list(caseId);
  }

  @Post('proposals')
  propose(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: CreateProposalDto) {
    return this.terms.propose(auth, caseId, dto);
  }

  @Post('proposals/:proposalId/accept')
  @HttpCode(200)
  accept(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('proposalId') proposalId: string) {
    return this.terms.answer(auth, caseId, proposalId, 'accept');
  }

  @Post('proposals/:proposalId/decline')
  @HttpCode(200)
  decline(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('proposalId') proposalId: string) {
    return this.terms.answer(auth, caseId, proposalId, 'decline');
  }

  @Post('proposals/:proposalId/withdraw')
  @HttpCode(200)
  withdraw(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('proposalId') proposalId: string) {
    return this.terms.answer(auth, caseId, proposalId, 'withdraw');
  }
}
