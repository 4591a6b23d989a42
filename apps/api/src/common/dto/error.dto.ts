import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldProblem } from '../errors';
import type { ErrorBody } from '../http-error.filter';

/** One broken rule, named by the field it belongs to (`children.1`, `changes.cadence.windows[0].time`). */
export class FieldProblemDto implements FieldProblem {
  @ApiProperty({ example: 'email' })
  field: string;

  @ApiProperty({ example: 'isEmail', description: 'The rule that failed, stable for programs to read.' })
  rule: string;

  @ApiProperty({ example: 'email must be an e-mail address' })
  message: string;
}

/** The one error shape of the API (see `http-error.filter.ts`); every refusal answers with it. */
export class ErrorDto implements ErrorBody {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request', description: 'The HTTP reason phrase of `statusCode`.' })
  error: string;

  @ApiProperty({ example: 'email must be an e-mail address', description: 'A sentence for people: what happened and what to do.' })
  message: string;

  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Each broken rule, by field; absent when the refusal is not about fields.' })
  details?: FieldProblemDto[];

  @ApiPropertyOptional({ format: 'date-time', description: 'When the same request will be accepted again (throttled answers only).' })
  retryAt?: string;
}
