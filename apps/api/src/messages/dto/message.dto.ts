import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MESSAGE_TEXT_MAX, MESSAGE_TOPICS, messageTextProblem, type MessageTopic } from '@parallel/domain';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

@ValidatorConstraint({ name: 'messageText' })
class MessageTextRule implements ValidatorConstraintInterface {
  private problem: ReturnType<typeof messageTextProblem> = null;
  validate(value: unknown): boolean {
    this.problem = messageTextProblem(value);
    return this.problem === null;
  }
  defaultMessage(_args: ValidationArguments): string {
    return this.problem?.message ?? 'text is not valid';
  }
}

export class SendMessageDto {
  @ApiProperty({ enum: MESSAGE_TOPICS })
  @IsIn(MESSAGE_TOPICS, { message: `topic must be one of: ${MESSAGE_TOPICS.join(', ')}` })
  topic: MessageTopic;

  @ApiProperty({ minLength: 1, maxLength: MESSAGE_TEXT_MAX, description: 'Plain text; never interpreted as HTML.' })
  @IsString({ message: 'text must be a string' })
  @Validate(MessageTextRule)
  text: string;

  @ApiPropertyOptional({ default: false, description: 'Delivered at once, outside the delivery windows; limited per 30 days.' })
  @IsOptional()
  @IsBoolean({ message: 'urgent must be true or false' })
  urgent?: boolean;
}

export const MESSAGE_BOXES = ['inbox', 'sent', 'all'] as const;
export type MessageBox = (typeof MESSAGE_BOXES)[number];

export class ListMessagesQuery {
  @ApiPropertyOptional({ enum: MESSAGE_BOXES, default: 'all' })
  @IsOptional()
  @IsIn(MESSAGE_BOXES, { message: `box must be one of: ${MESSAGE_BOXES.join(', ')}` })
  box?: MessageBox;

  @ApiPropertyOptional({ enum: MESSAGE_TOPICS })
  @IsOptional()
  @IsIn(MESSAGE_TOPICS, { message: `topic must be one of: ${MESSAGE_TOPICS.join(', ')}` })
  topic?: MessageTopic;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ListHeldBackQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
