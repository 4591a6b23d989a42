import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { databaseKind } from '../database/data-source';
import { HealthDto, toHealthDto } from './dto/health.dto';
import { HealthRepository } from './health.repository';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: HealthRepository,
  ) {}

  /** Answers 200 only when the database answers too. */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether the server and its database answer' })
  @ApiOkResponse({ type: HealthDto, description: 'The server and its database answer (a failing database answers 500).' })
  async health(): Promise<HealthDto> {
    await this.database.ping();
    return toHealthDto(databaseKind(this.config));
  }
}
