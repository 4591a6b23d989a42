import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import { LedgerQueryDto } from './dto/ledger-query.dto';
import { LedgerService } from './ledger.service';

@ApiTags('ledger')
@Controller('cases/:caseId/ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get()
  page(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Query() query: LedgerQueryDto) {
    return this.ledger.page(caseId, auth.userId, query.cursor ?? query.afterSeq ?? 0, query.limit ?? 200);
  }

  @Get('verify')
  verify(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string) {
    return this.ledger.verify(caseId, auth.userId);
  }
}
