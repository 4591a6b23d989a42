import { Body, Controller, Get, HttpCode, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import { ReceiptDto } from './dto/expense.dto';
import { ListPaymentsQuery, PaymentDto, PaymentPageDto, RecordPaymentDto } from './dto/payment.dto';
import { RECEIPT_FILE_CONTENT, RECEIPT_TOO_LARGE, RECEIPT_UPLOAD_BODY, RECEIPT_WRONG_TYPE } from './expenses.controller';
import { PaymentsService } from './payments.service';
import { ReceiptsService } from './receipts.service';

@ApiTags('expenses')
@Controller('cases/:caseId')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly receipts: ReceiptsService,
  ) {}

  @Post('payments')
  @ApiOperation({
    summary: 'Record a payment the caller made to the other parent',
    description: 'A part of what is owed is fine. It counts in the balance once the other parent confirms it (POST .../payments/:id/confirm).',
  })
  @ApiCreatedResponse({ type: PaymentDto })
  @ApiErrors(400, 404, 409)
  record(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: RecordPaymentDto): Promise<PaymentDto> {
    return this.payments.record(auth, caseId, dto);
  }

  @Get('payments')
  @ApiOperation({ summary: "The case's payments, newest recorded first" })
  @ApiOkResponse({ type: PaymentPageDto })
  @ApiErrors(400, 404)
  list(@UuidParam('caseId') caseId: string, @Query() query: ListPaymentsQuery): Promise<PaymentPageDto> {
    return this.payments.list(caseId, query);
  }

  @Post('payments/:paymentId/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm receiving a payment the other parent recorded' })
  @ApiOkResponse({ type: PaymentDto })
  @ApiErrors(400, 403, 404, 409)
  confirm(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('paymentId') paymentId: string): Promise<PaymentDto> {
    return this.payments.confirm(auth, caseId, paymentId);
  }

  @Post('payments/:paymentId/proofs')
  @ApiConsumes('multipart/form-data')
  @ApiBody(RECEIPT_UPLOAD_BODY)
  @ApiOperation({ summary: "Add a proof of payment to one's own payment", description: 'As for receipts: PDF, JPEG, PNG or HEIC by content, at most 10 MB, image metadata removed.' })
  @ApiCreatedResponse({ type: ReceiptDto })
  @ApiResponse(RECEIPT_TOO_LARGE)
  @ApiResponse(RECEIPT_WRONG_TYPE)
  @ApiErrors(400, 403, 404, 409)
  addProof(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('paymentId') paymentId: string, @Req() request: FastifyRequest): Promise<ReceiptDto> {
    return this.receipts.addToPayment(auth, caseId, paymentId, request.raw);
  }

  @Get('payments/:paymentId/proofs/:proofId')
  @ApiOperation({ summary: 'A stored proof of payment, as stored', description: 'Only the two parents of the case can download it.' })
  @ApiOkResponse({ description: 'The file, with the media type recognised at upload.', content: RECEIPT_FILE_CONTENT })
  @ApiErrors(400, 404)
  proof(@UuidParam('caseId') caseId: string, @UuidParam('paymentId') paymentId: string, @UuidParam('proofId') proofId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return this.receipts.download(caseId, { paymentId }, proofId, reply);
  }
}
