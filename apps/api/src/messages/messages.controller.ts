import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import {
  AllowanceDto,
  HeldBackErrorDto,
  HeldBackSummaryDto,
  HeldBackPageDto,
  ListHeldBackQuery,
  ListMessagesQuery,
  MessageDto,
  MessagePageDto,
  SendMessageDto,
  ThreadListDto,
} from './dto/message.dto';
import { IdempotencyKey } from './idempotency-key.decorator';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@Controller('cases/:caseId')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Post('messages')
  @ApiOperation({
    summary: 'Send a message to the other parent',
    description: "Delivered now or at the next delivery window of the case's cadence. A send over the daily quota or the urgent limit is held back: refused, and kept in the record.",
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' },
    description: 'A new unique value per message (e.g. a UUID); a retry with the same key returns the first answer.',
  })
  @ApiCreatedResponse({ type: MessageDto, description: 'Accepted: delivered, or held until its window (see deliverAt).' })
  @ApiResponse({ status: 429, type: HeldBackErrorDto, description: 'Held back over the daily quota or the urgent limit (reason quota_exceeded or urgent_limit_reached); retryAt says when.' })
  @ApiResponse({ status: 422, type: HeldBackErrorDto, description: 'Held back: urgent messages are turned off in this case (reason urgent_disabled).' })
  @ApiErrors(400, 404, 409)
  send(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: SendMessageDto, @IdempotencyKey() key: string): Promise<MessageDto> {
    return this.messages.send(auth, caseId, dto, key);
  }

  @Get('messages')
  @ApiOperation({ summary: "The caller's messages, newest first", description: 'A message held for its window does not exist for its recipient until the window opens.' })
  @ApiOkResponse({ type: MessagePageDto })
  @ApiErrors(400, 404)
  list(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Query() query: ListMessagesQuery): Promise<MessagePageDto> {
    return this.messages.list(auth, caseId, query);
  }

  @Get('messages/allowance')
  @ApiOperation({
    summary: 'What the caller may still send now, for the composer',
    description: "By the same rules as a send: the other parent's daily cap and delivery windows, and the shared urgent allowance.",
  })
  @ApiOkResponse({ type: AllowanceDto })
  @ApiErrors(400, 404, 409)
  allowance(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string): Promise<AllowanceDto> {
    return this.messages.allowance(auth, caseId);
  }

  @Get('messages/:messageId')
  @ApiOperation({ summary: 'One message', description: 'Reading it here records nothing; see POST .../read.' })
  @ApiOkResponse({ type: MessageDto })
  @ApiErrors(400, 404)
  get(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('messageId') messageId: string): Promise<MessageDto> {
    return this.messages.get(auth, caseId, messageId);
  }

  @Post('messages/:messageId/read')
  @HttpCode(200)
  @ApiOperation({ summary: "Record the recipient's first read of a message", description: 'Only the first read is recorded; reading again changes nothing.' })
  @ApiOkResponse({ type: MessageDto })
  @ApiErrors(400, 403, 404)
  read(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('messageId') messageId: string): Promise<MessageDto> {
    return this.messages.markRead(auth, caseId, messageId);
  }

  @Get('threads')
  @ApiOperation({ summary: "The caller's messages grouped by topic, with unread counts" })
  @ApiOkResponse({ type: ThreadListDto })
  @ApiErrors(400, 404)
  threads(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string): Promise<ThreadListDto> {
    return this.messages.threads(auth, caseId);
  }

  @Get('held-back')
  @ApiOperation({
    summary: 'Sends held back by the terms, newest first, with their texts',
    description:
      "The caller's own attempts over the daily cap or the urgent allowance, kept for the record. With of=other, the other parent's attempts held back from the caller's inbox: shown only when asked for.",
  })
  @ApiOkResponse({ type: HeldBackPageDto })
  @ApiErrors(400, 404)
  heldBack(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Query() query: ListHeldBackQuery): Promise<HeldBackPageDto> {
    return this.messages.heldBack(auth, caseId, query);
  }

  @Get('held-back/summary')
  @ApiOperation({ summary: 'How many sends were held back, the caller’s and the other parent’s: counts only, never texts', description: "Today is the calendar day in the case's time zone." })
  @ApiOkResponse({ type: HeldBackSummaryDto })
  @ApiErrors(400, 404)
  heldBackSummary(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string): Promise<HeldBackSummaryDto> {
    return this.messages.heldBackSummary(auth, caseId);
  }
}
