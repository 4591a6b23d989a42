import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import { CaseSettingsDto, CreateProposalDto, ProposalDto, ProposalListDto } from './dto/proposal.dto';
import { CADENCE_MODELS, InboxTermsChangeDto, SetInboxTermsDto } from './dto/terms.dto';
import { InboxTermsService } from './inbox-terms.service';
import { TermsService } from './terms.service';

@ApiTags('terms')
@ApiExtraModels(...CADENCE_MODELS)
@Controller('cases/:caseId')
export class TermsController {
  constructor(
    private readonly terms: TermsService,
    private readonly inboxTerms: InboxTermsService,
  ) {}

  @Get('settings')
  @ApiOperation({
    summary: "Both parents' inbox terms, the shared terms, and the proposal waiting for an answer",
    description: "Each inbox: the terms in force and a change waiting for its effective time, if any.",
  })
  @ApiOkResponse({ type: CaseSettingsDto })
  @ApiErrors(400, 404)
  get(@UuidParam('caseId') caseId: string): Promise<CaseSettingsDto> {
    return this.terms.get(caseId);
  }

  @Put('inbox-terms')
  @HttpCode(202)
  @ApiOperation({
    summary: "Set the terms of one's own inbox: delivery windows and daily cap",
    description:
      'No consent needed. Announced to the other parent at once (socket event terms.changed), recorded, in force 24 hours later (effectiveAt). A newer change replaces one still pending. Floors: at least 2 delivery windows a week, at least 2 messages a day.',
  })
  @ApiAcceptedResponse({ type: InboxTermsChangeDto, description: 'Accepted, pending until effectiveAt.' })
  @ApiErrors(400, 404)
  setInboxTerms(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: SetInboxTermsDto): Promise<InboxTermsChangeDto> {
    return this.inboxTerms.setInboxTerms(auth, caseId, dto);
  }

  @Get('proposals')
  @ApiOperation({ summary: 'Every proposal to change the terms, newest first' })
  @ApiOkResponse({ type: ProposalListDto })
  @ApiErrors(400, 404)
  list(@UuidParam('caseId') caseId: string): Promise<ProposalListDto> {
    return this.terms.list(caseId);
  }

  @Post('proposals')
  @ApiOperation({ summary: 'Propose a change of the terms', description: 'Applies only once the other parent accepts it; one proposal waits at a time.' })
  @ApiCreatedResponse({ type: ProposalDto })
  @ApiErrors(400, 404, 409)
  propose(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: CreateProposalDto): Promise<ProposalDto> {
    return this.terms.propose(auth, caseId, dto);
  }

  @Post('proposals/:proposalId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: "Accept the other parent's proposal: its changes take effect now" })
  @ApiOkResponse({ type: ProposalDto })
  @ApiErrors(400, 403, 404, 409)
  accept(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('proposalId') proposalId: string): Promise<ProposalDto> {
    return this.terms.answer(auth, caseId, proposalId, 'accept');
  }

  @Post('proposals/:proposalId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: "Decline the other parent's proposal: the terms stay as they are" })
  @ApiOkResponse({ type: ProposalDto })
  @ApiErrors(400, 403, 404, 409)
  decline(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('proposalId') proposalId: string): Promise<ProposalDto> {
    return this.terms.answer(auth, caseId, proposalId, 'decline');
  }

  @Post('proposals/:proposalId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: "Withdraw one's own proposal before it is answered" })
  @ApiOkResponse({ type: ProposalDto })
  @ApiErrors(400, 403, 404, 409)
  withdraw(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('proposalId') proposalId: string): Promise<ProposalDto> {
    return this.terms.answer(auth, caseId, proposalId, 'withdraw');
  }
}
