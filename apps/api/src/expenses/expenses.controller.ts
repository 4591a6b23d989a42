import { Body, Controller, Get, Header, HttpCode, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiBodyOptions, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RECEIPT_MEDIA_TYPES } from '@parallel/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext } from '../common/auth-context';
import { ErrorDto } from '../common/dto/error.dto';
import { UuidParam } from '../common/validation';
import { BalanceDto } from './dto/balance.dto';
import { CreateExpenseDto, CsvRangeQuery, DisputeExpenseDto, ExpenseDto, ExpensePageDto, ListExpensesQuery, ReceiptDto } from './dto/expense.dto';
import { ExpensesService } from './expenses.service';
import { ExpenseReportsService } from './expense-reports.service';
import { ReceiptsService } from './receipts.service';

/** The OpenAPI shape of a receipt upload: one file in the multipart field `file`. */
export const RECEIPT_UPLOAD_BODY: ApiBodyOptions = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'PDF, JPEG, PNG or HEIC, at most 10 MB; recognised by its content.' } } },
};
/** A stored receipt's download: one of the four kinds, as bytes. */
export const RECEIPT_FILE_CONTENT = Object.fromEntries(RECEIPT_MEDIA_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));
export const RECEIPT_TOO_LARGE = { status: 413, type: ErrorDto, description: 'The file is over 10 MB (rule maxSize).' } as const;
export const RECEIPT_WRONG_TYPE = { status: 422, type: ErrorDto, description: 'The content is not a PDF, JPEG, PNG or HEIC, whatever its name says (rule fileType).' } as const;

@ApiTags('expenses')
@Controller('cases/:caseId')
export class ExpensesController {
  constructor(
    private readonly expenses: ExpensesService,
    private readonly receipts: ReceiptsService,
    private readonly reports: ExpenseReportsService,
  ) {}

  @Post('expenses')
  @ApiOperation({
    summary: 'Log an expense the caller paid, for the other parent to approve',
    description: "Split by the case's split (changed only by an accepted proposal) unless `shares` gives one for this expense. Add receipts with POST .../expenses/:id/receipts.",
  })
  @ApiCreatedResponse({ type: ExpenseDto })
  @ApiErrors(400, 404, 409)
  log(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: CreateExpenseDto): Promise<ExpenseDto> {
    return this.expenses.log(auth, caseId, dto);
  }

  @Get('expenses')
  @ApiOperation({ summary: "The case's expenses, newest logged first, with their states and receipts" })
  @ApiOkResponse({ type: ExpensePageDto })
  @ApiErrors(400, 404)
  list(@UuidParam('caseId') caseId: string, @Query() query: ListExpensesQuery): Promise<ExpensePageDto> {
    return this.expenses.list(caseId, query);
  }

  @Get('expenses.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({
    summary: 'Expenses and payments as CSV (RFC 4180), for a range of days',
    description: 'A header row, then one row per expense (by day incurred) and per payment (by day paid), in date order; amounts in major units with their currency.',
  })
  @ApiOkResponse({ description: 'The CSV file.', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400, 404)
  async csv(@UuidParam('caseId') caseId: string, @Query() query: CsvRangeQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { fileName, text } = await this.reports.csv(caseId, query);
    void reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
    return new StreamableFile(Buffer.from(text, 'utf8'));
  }

  @Get('balance')
  @ApiOperation({ summary: 'Who owes whom, per currency', description: 'From approved expenses and confirmed payments; split parts always add up exactly.' })
  @ApiOkResponse({ type: BalanceDto })
  @ApiErrors(400, 404, 409)
  balance(@UuidParam('caseId') caseId: string): Promise<BalanceDto> {
    return this.reports.balance(caseId);
  }

  @Get('expenses/:expenseId')
  @ApiOperation({ summary: 'One expense' })
  @ApiOkResponse({ type: ExpenseDto })
  @ApiErrors(400, 404)
  get(@UuidParam('caseId') caseId: string, @UuidParam('expenseId') expenseId: string): Promise<ExpenseDto> {
    return this.expenses.get(caseId, expenseId);
  }

  @Post('expenses/:expenseId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: "Approve the other parent's expense: it counts in the balance" })
  @ApiOkResponse({ type: ExpenseDto })
  @ApiErrors(400, 403, 404, 409)
  approve(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('expenseId') expenseId: string): Promise<ExpenseDto> {
    return this.expenses.approve(auth, caseId, expenseId);
  }

  @Post('expenses/:expenseId/dispute')
  @HttpCode(200)
  @ApiOperation({ summary: "Dispute the other parent's expense, with a reason", description: 'The logger may then withdraw it or resubmit a correction.' })
  @ApiOkResponse({ type: ExpenseDto })
  @ApiErrors(400, 403, 404, 409)
  dispute(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('expenseId') expenseId: string, @Body() dto: DisputeExpenseDto): Promise<ExpenseDto> {
    return this.expenses.dispute(auth, caseId, expenseId, dto);
  }

  @Post('expenses/:expenseId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: "Withdraw one's own expense, pending or disputed" })
  @ApiOkResponse({ type: ExpenseDto })
  @ApiErrors(400, 403, 404, 409)
  withdraw(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('expenseId') expenseId: string): Promise<ExpenseDto> {
    return this.expenses.withdraw(auth, caseId, expenseId);
  }

  @Post('expenses/:expenseId/resubmit')
  @ApiOperation({
    summary: "Answer a dispute of one's own expense with a correction",
    description: 'The corrected expense is a new expense (201) that references the disputed one, which becomes resubmitted; nothing is edited.',
  })
  @ApiCreatedResponse({ type: ExpenseDto, description: 'The new, corrected expense, pending approval.' })
  @ApiErrors(400, 403, 404, 409)
  resubmit(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('expenseId') expenseId: string, @Body() dto: CreateExpenseDto): Promise<ExpenseDto> {
    return this.expenses.resubmit(auth, caseId, expenseId, dto);
  }

  @Post('expenses/:expenseId/receipts')
  @ApiConsumes('multipart/form-data')
  @ApiBody(RECEIPT_UPLOAD_BODY)
  @ApiOperation({
    summary: "Add a receipt to one's own pending expense",
    description:
      'Multipart, one file in the field `file`: PDF, JPEG, PNG or HEIC, recognised by its content, at most 10 MB. Location and device metadata are removed from images before the file is stored; its SHA-256 is recorded.',
  })
  @ApiCreatedResponse({ type: ReceiptDto })
  @ApiResponse(RECEIPT_TOO_LARGE)
  @ApiResponse(RECEIPT_WRONG_TYPE)
  @ApiErrors(400, 403, 404, 409)
  addReceipt(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('expenseId') expenseId: string, @Req() request: FastifyRequest): Promise<ReceiptDto> {
    return this.receipts.addToExpense(auth, caseId, expenseId, request.raw);
  }

  @Get('expenses/:expenseId/receipts/:receiptId')
  @ApiOperation({ summary: 'A stored receipt file, as stored', description: 'Only the two parents of the case can download it.' })
  @ApiOkResponse({ description: 'The file, with the media type recognised at upload.', content: RECEIPT_FILE_CONTENT })
  @ApiErrors(400, 404)
  receipt(@UuidParam('caseId') caseId: string, @UuidParam('expenseId') expenseId: string, @UuidParam('receiptId') receiptId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return this.receipts.download(caseId, { expenseId }, receiptId, reply);
  }
}
