import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import { LEDGER_MODELS, LEDGER_VERIFICATION_SCHEMA, LedgerPageDto, LedgerVerificationDto } from './dto/ledger.dto';
import { LedgerQueryDto } from './dto/ledger-query.dto';
import { LedgerService } from './ledger.service';

@ApiTags('ledger')
@ApiExtraModels(...LEDGER_MODELS)
@Controller('cases/:caseId/ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get()
  @ApiOperation({
    summary: "A page of the case's record, in chain order",
    description: 'Every entry in its place; entries the caller may not read yet are sealed (place and hashes only), so the chain still verifies.',
  })
  @ApiOkResponse({ type: LedgerPageDto })
  @ApiErrors(400, 404)
  page(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Query() query: LedgerQueryDto): Promise<LedgerPageDto> {
    return this.ledger.page(caseId, auth.userId, query.cursor ?? query.afterSeq ?? 0, query.limit ?? 200, { revealHeldBack: query.revealHeldBack ?? false });
  }

  @Get('verify')
  @ApiOperation({ summary: "Recompute the case's hash chain, as far as the caller may see it", description: 'A broken chain answers 200 with valid false and the first bad entry.' })
  @ApiOkResponse({ schema: LEDGER_VERIFICATION_SCHEMA })
  @ApiErrors(400, 404)
  verify(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string): Promise<LedgerVerificationDto> {
    return this.ledger.verify(caseId, auth.userId);
  }
}
