import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import { CourtOrderDto, CreateOverrideDto, DisputeDto, ProposePlanDto, ScheduleRangeQuery } from './dto/schedule-requests.dto';
import { OverrideDto, OverrideListDto, PlanDto, PlanListDto, ScheduleDto, TimeShareDto } from './dto/schedule-responses.dto';
import { OverridesService } from './overrides.service';
import { PlansService } from './plans.service';
import { ScheduleReader } from './schedule-reader.service';

@ApiTags('schedule')
@Controller('cases/:caseId/schedule')
export class ScheduleController {
  constructor(
    private readonly reader: ScheduleReader,
    private readonly plans: PlansService,
    private readonly overrides: OverridesService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Who has the children each day of a range, the exchanges, and the exact custody intervals',
    description: "Dates in the case's zone, at most 400 days. Days name who has each night; overrides and accepted swaps included.",
  })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiErrors(400, 404)
  view(@UuidParam('caseId') caseId: string, @Query() query: ScheduleRangeQuery): Promise<ScheduleDto> {
    return this.reader.view(caseId, query);
  }

  @Get('time-share')
  @ApiOperation({ summary: "Each parent's overnights, hours and percent over a range, as lived and as planned", description: 'At most about ten years (3700 days).' })
  @ApiOkResponse({ type: TimeShareDto })
  @ApiErrors(400, 404, 409)
  timeShare(@UuidParam('caseId') caseId: string, @Query() query: ScheduleRangeQuery): Promise<TimeShareDto> {
    return this.reader.timeShare(caseId, query);
  }

  @Get('plans')
  @ApiOperation({ summary: 'Every parenting plan proposed in the case, newest first' })
  @ApiOkResponse({ type: PlanListDto })
  @ApiErrors(400, 404)
  listPlans(@UuidParam('caseId') caseId: string): Promise<PlanListDto> {
    return this.plans.list(caseId);
  }

  @Post('plans')
  @ApiOperation({ summary: 'Propose a parenting plan', description: 'Applies from its start date (in the future) once the other parent accepts; one plan waits at a time.' })
  @ApiCreatedResponse({ type: PlanDto })
  @ApiErrors(400, 404, 409)
  propose(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: ProposePlanDto): Promise<PlanDto> {
    return this.plans.propose(auth, caseId, dto);
  }

  @Post('plans/:planId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: "Accept the other parent's plan: it applies from its start date on" })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrors(400, 403, 404, 409)
  acceptPlan(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('planId') planId: string): Promise<PlanDto> {
    return this.plans.answer(auth, caseId, planId, 'accept');
  }

  @Post('plans/:planId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: "Decline the other parent's plan" })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrors(400, 403, 404, 409)
  declinePlan(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('planId') planId: string): Promise<PlanDto> {
    return this.plans.answer(auth, caseId, planId, 'decline');
  }

  @Post('plans/:planId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: "Withdraw one's own plan before it is answered" })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrors(400, 403, 404, 409)
  withdrawPlan(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('planId') planId: string): Promise<PlanDto> {
    return this.plans.answer(auth, caseId, planId, 'withdraw');
  }

  @Post('plans/:planId/court-order')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Apply one’s own plan, unanswered for 14 days, as ordered by a court',
    description: 'Names the order (reference and date). The record says the other parent never answered; they can still dispute it.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrors(400, 403, 404, 409)
  courtOrder(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('planId') planId: string, @Body() dto: CourtOrderDto): Promise<PlanDto> {
    return this.plans.applyAsCourtOrdered(auth, caseId, planId, dto);
  }

  @Post('plans/:planId/disputes')
  @ApiOperation({ summary: 'Dispute a plan the other parent applied as court-ordered', description: 'Recorded beside it; the plan stays in force.' })
  @ApiCreatedResponse({ type: PlanDto })
  @ApiErrors(400, 403, 404, 409)
  dispute(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('planId') planId: string, @Body() dto: DisputeDto): Promise<PlanDto> {
    return this.plans.dispute(auth, caseId, planId, dto);
  }

  @Get('overrides')
  @ApiOperation({ summary: 'Every override proposed in the case, newest first' })
  @ApiOkResponse({ type: OverrideListDto })
  @ApiErrors(400, 404)
  listOverrides(@UuidParam('caseId') caseId: string): Promise<OverrideListDto> {
    return this.overrides.list(caseId);
  }

  @Post('overrides')
  @ApiOperation({
    summary: 'Propose an override: a holiday, vacation or court-ordered block over the plan',
    description: 'In force once the other parent accepts. Starts in the future; may not overlap another override; alternateYears repeats it yearly, the parents alternating.',
  })
  @ApiCreatedResponse({ type: OverrideDto })
  @ApiErrors(400, 404, 409)
  createOverride(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @Body() dto: CreateOverrideDto): Promise<OverrideDto> {
    return this.overrides.create(auth, caseId, dto);
  }

  @Post('overrides/:overrideId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: "Accept the other parent's override" })
  @ApiOkResponse({ type: OverrideDto })
  @ApiErrors(400, 403, 404, 409)
  acceptOverride(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('overrideId') overrideId: string): Promise<OverrideDto> {
    return this.overrides.answer(auth, caseId, overrideId, 'accept');
  }

  @Post('overrides/:overrideId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: "Decline the other parent's override" })
  @ApiOkResponse({ type: OverrideDto })
  @ApiErrors(400, 403, 404, 409)
  declineOverride(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('overrideId') overrideId: string): Promise<OverrideDto> {
    return this.overrides.answer(auth, caseId, overrideId, 'decline');
  }

  @Post('overrides/:overrideId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: "Withdraw one's own override before it is answered" })
  @ApiOkResponse({ type: OverrideDto })
  @ApiErrors(400, 403, 404, 409)
  withdrawOverride(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string, @UuidParam('overrideId') overrideId: string): Promise<OverrideDto> {
    return this.overrides.answer(auth, caseId, overrideId, 'withdraw');
  }
}
