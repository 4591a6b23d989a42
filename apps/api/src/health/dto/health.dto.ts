import { ApiProperty } from '@nestjs/swagger';
import type { DatabaseKind } from '../../database/data-source';

export class HealthDto {
  @ApiProperty({ enum: ['ok'], enumName: 'HealthStatus' })
  status: 'ok';

  @ApiProperty({ enum: ['embedded', 'postgres'], enumName: 'DatabaseKind', description: 'Embedded PGlite, or an external PostgreSQL.' })
  database: DatabaseKind;
}

export function toHealthDto(database: DatabaseKind): HealthDto {
  return { status: 'ok', database };
}
