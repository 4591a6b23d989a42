import { Module } from '@nestjs/common';
import { ExpensesModule } from '../expenses/expenses.module';
import { LedgerModule } from '../ledger/ledger.module';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';
import { MadePdfs } from './made-pdfs';
import { SigningKey } from './signing-key';

@Module({
  imports: [LedgerModule, ExpensesModule],
  controllers: [ExportsController],
  providers: [ExportsRepository, ExportsService, MadePdfs, SigningKey],
  // Professional access makes and serves exports through the same service: the same PDF and bundle.
  exports: [ExportsService],
})
export class ExportsModule {}
