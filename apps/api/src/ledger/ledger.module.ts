import { Module } from '@nestjs/common';
import { CaseCommands } from './case-commands';
import { LedgerController } from './ledger.controller';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

@Module({
  controllers: [LedgerController],
  providers: [LedgerRepository, LedgerService, CaseCommands],
  exports: [LedgerRepository, LedgerService, CaseCommands],
})
export class LedgerModule {}
