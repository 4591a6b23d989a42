import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext, Public } from '../common/auth-context';
import { UuidParam } from '../common/validation';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarFeedDto } from './dto/schedule-responses.dto';

@ApiTags('schedule')
@Controller('cases/:caseId/calendar-feed')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get()
  @ApiOperation({ summary: "The caller's secret calendar feed link for this case (made on first request)", description: 'Subscribe to it in Google, Apple or Outlook calendars. Keep it private.' })
  @ApiOkResponse({ type: CalendarFeedDto })
  @ApiErrors(400, 404)
  get(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string): Promise<CalendarFeedDto> {
    return this.feeds.get(auth, caseId);
  }

  @Post('rotate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make a new feed link; the old one stops working at once' })
  @ApiOkResponse({ type: CalendarFeedDto })
  @ApiErrors(400, 404)
  rotate(@Auth() auth: AuthContext, @UuidParam('caseId') caseId: string): Promise<CalendarFeedDto> {
    return this.feeds.rotate(auth, caseId);
  }
}

@ApiTags('schedule')
@Controller('calendar')
export class PublicCalendarController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':secret.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({ summary: 'A parent’s calendar feed (RFC 5545): custody stretches and exchanges with place and handover', description: 'Public: the secret in the path is the credential.' })
  @ApiOkResponse({ description: 'An iCalendar document (text/calendar).', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiErrors(404)
  ics(@Param('secret') secret: string): Promise<string> {
    return this.feeds.ics(secret);
  }
}
