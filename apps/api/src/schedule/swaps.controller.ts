import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import { AnswerSwapDto, CreateCheckInDto, CreateSwapDto } from './dto/schedule-requests.dto';
import { CheckInDto, SwapDto, SwapListDto } from './dto/schedule-responses.dto';
import { CheckInsService } from './check-ins.service';
import { SwapsService } from './swaps.service';

@ApiTags('schedule')
@Controller('cases/:caseId')
export class SwapsController {
  constructor(
    private readonly swaps: SwapsService,
    private readonly checkIns: CheckInsService,
  ) {}

  @Get('swaps')
  @ApiOperation({ summary: 'Every swap request in the case, newest first' })
  @ApiOkResponse({ type: SwapListDto })
  @ApiErrors(400, 404)
  list(@UuidParam('caseId') caseId: string): Promise<SwapListDto> {
    return this.swaps.list(caseId);
  }

  @Post('swaps')
  @ApiOperation({
    summary: 'Ask to give days to the other parent, or to trade them for some of theirs',
    description: 'Days after today only. The request expires at the start of its first day if unanswered.',
  })
  @ApiCreatedResponse({ type: SwapDto })
  @ApiErrors(400, 404, 409)
  create(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: CreateSwapDto): Promise<SwapDto> {
    return this.swaps.create(auth, caseId, dto);
  }

  @Post('swaps/:swapId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: "Accept the other parent's swap request: the calendar changes" })
  @ApiOkResponse({ type: SwapDto })
  @ApiErrors(400, 403, 404, 409)
  accept(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('swapId') swapId: string, @Body() dto: AnswerSwapDto): Promise<SwapDto> {
    return this.swaps.answer(auth, caseId, swapId, 'accept', dto);
  }

  @Post('swaps/:swapId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: "Decline the other parent's swap request, with an optional reason" })
  @ApiOkResponse({ type: SwapDto })
  @ApiErrors(400, 403, 404, 409)
  decline(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('swapId') swapId: string, @Body() dto: AnswerSwapDto): Promise<SwapDto> {
    return this.swaps.answer(auth, caseId, swapId, 'decline', dto);
  }

  @Post('swaps/:swapId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: "Withdraw one's own swap request before it is answered" })
  @ApiOkResponse({ type: SwapDto })
  @ApiErrors(400, 403, 404, 409)
  withdraw(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('swapId') swapId: string): Promise<SwapDto> {
    return this.swaps.answer(auth, caseId, swapId, 'withdraw');
  }

  @Post('exchanges/:exchangeId/check-ins')
  @ApiOperation({
    summary: 'Record how an exchange went: on time, late by N minutes, or missed, with a short note',
    description: 'exchangeId as the schedule gives it (e.g. 20261211T1800Z). Once per parent and exchange, from an hour before it until a week after.',
  })
  @ApiCreatedResponse({ type: CheckInDto })
  @ApiErrors(400, 404, 409)
  checkIn(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Param('exchangeId') exchangeId: string, @Body() dto: CreateCheckInDto): Promise<CheckInDto> {
    return this.checkIns.record(auth, caseId, exchangeId, dto);
  }
}
