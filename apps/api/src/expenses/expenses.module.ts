import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ExpenseNamesRepository } from './expense-names.repository';
import { ExpenseNotifier } from './expense-notifier';
import { ExpenseReportsService } from './expense-reports.service';
import { ExpensesController } from './expenses.controller';
import { ExpensesRepository } from './expenses.repository';
import { ExpensesService } from './expenses.service';
import { MetadataStripper } from './metadata-stripper';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { ReceiptsService } from './receipts.service';

@Module({
  imports: [LedgerModule, NotificationsModule],
  controllers: [ExpensesController, PaymentsController],
  providers: [ExpensesRepository, ExpenseNamesRepository, ExpenseNotifier, ExpensesService, PaymentsService, ReceiptsService, ExpenseReportsService, MetadataStripper],
  // The record for court carries the stored files in its bundle.
  exports: [ExpensesRepository],
})
export class ExpensesModule {}
