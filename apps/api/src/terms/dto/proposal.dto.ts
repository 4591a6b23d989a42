import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class CreateProposalDto {
  @ApiProperty({
    description: 'Any of cadence, dailyQuota, urgentPer30Days, showReadTimes, split. Applies once the other parent accepts.',
    example: { cadence: { mode: 'windows', windows: [{ weekday: 1, time: '18:00' }, { weekday: 4, time: '18:00' }] }, dailyQuota: 3 },
  })
  @IsObject({ message: 'changes must be an object' })
  changes: Record<string, unknown>;
}
