import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, AuthContext } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import { ListHeldBackQuery, ListMessagesQuery, SendMessageDto } from './dto/message.dto';
import { IdempotencyKey } from './idempotency-key.decorator';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('cases/:caseId')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Post('messages')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A new unique value per message; a retry with the same key returns the first answer.' })
  async send(
    @Auth() auth: AuthContext,
    @UuidParam('caseId') caseId: string,
    @Body() dto: SendMessageDto,
    @IdempotencyKey() key: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const reply = await this.messages.send(auth, caseId, dto, key);
    response.status(reply.status);
    return reply.body;
  }

  @Get('messages')
  list(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Query() query: ListMessagesQuery) {
    return this.messages.list(auth, caseId, query);
  }

  @Get('messages/:messageId')
  get(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('messageId') messageId: string) {
    return this.messages.get(auth, caseId, messageId);
  }

  @Post('messages/:messageId/read')
  @HttpCode(200)
  read(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('messageId') messageId: string) {
    return this.messages.markRead(auth, caseId, messageId);
  }

  @Get('threads')
  threads(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string) {
    return this.messages.threads(auth, caseId);
  }

  @Get('held-back')
  heldBack(@UuidParam('caseId') caseId: string, @Query() query: ListHeldBackQuery) {
    return this.messages.heldBack(caseId, query);
  }
}
