import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HELD_BACK_REASONS, MESSAGE_TEXT_MAX, MESSAGE_TOPICS, messageTextProblem, type HeldBackReason, type MessageTopic, type SendAllowance } from '@parallel/domain';
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
import { ErrorDto } from '../../common/dto/error.dto';
import type { HeldBackAttemptEntity } from '../entities/held-back-attempt.entity';
import type { MessageEntity } from '../entities/message.entity';

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
  @ApiProperty({ enum: MESSAGE_TOPICS, enumName: 'MessageTopic' })
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
  @ApiPropertyOptional({ enum: MESSAGE_BOXES, enumName: 'MessageBox', default: 'all' })
  @IsOptional()
  @IsIn(MESSAGE_BOXES, { message: `box must be one of: ${MESSAGE_BOXES.join(', ')}` })
  box?: MessageBox;

  @ApiPropertyOptional({ enum: MESSAGE_TOPICS, enumName: 'MessageTopic' })
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

export const HELD_BACK_OWNERS = ['mine', 'other'] as const;
export type HeldBackOwner = (typeof HELD_BACK_OWNERS)[number];

export class ListHeldBackQuery {
  @ApiPropertyOptional({
    enum: HELD_BACK_OWNERS,
    enumName: 'HeldBackOwner',
    default: 'mine',
    description: "Whose attempts: the caller's own (default), or, as an explicit choice, the other parent's, with their texts.",
  })
  @IsOptional()
  @IsIn(HELD_BACK_OWNERS, { message: `of must be one of: ${HELD_BACK_OWNERS.join(', ')}` })
  of?: HeldBackOwner;

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

// Responses

export const MESSAGE_STATUSES = ['held', 'delivered', 'read'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export const MESSAGE_DIRECTIONS = ['sent', 'received'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export class MessageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ format: 'uuid' })
  senderId: string;

  @ApiProperty({ format: 'uuid' })
  recipientId: string;

  @ApiProperty({ enum: MESSAGE_DIRECTIONS, enumName: 'MessageDirection', description: 'Whether the caller sent or received it.' })
  direction: MessageDirection;

  @ApiProperty({ enum: MESSAGE_TOPICS, enumName: 'MessageTopic' })
  topic: MessageTopic;

  @ApiProperty({ description: 'Plain text, exactly as sent; never HTML.' })
  text: string;

  @ApiProperty()
  urgent: boolean;

  @ApiProperty({ format: 'date-time' })
  sentAt: string;

  @ApiProperty({ format: 'date-time', description: 'When the cadence lets it through (the sender sees "will be delivered ...").' })
  deliverAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it reached the inbox; null while held for its window.' })
  deliveredAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "The recipient's first read; shown to the sender only when the case shows read times." })
  readAt: string | null;

  @ApiProperty({ enum: MESSAGE_STATUSES, enumName: 'MessageStatus' })
  status: MessageStatus;
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageDto], description: 'Newest first.' })
  items: MessageDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor: string | null;
}

export class ThreadDto {
  @ApiProperty({ enum: MESSAGE_TOPICS, enumName: 'MessageTopic' })
  topic: MessageTopic;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Messages on this topic the caller can see.' })
  count: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Of those, received and not read yet.' })
  unread: number;

  @ApiProperty({ format: 'date-time', description: 'When the latest was sent.' })
  lastAt: string;
}

export class ThreadListDto {
  @ApiProperty({ type: [ThreadDto], description: 'One per topic with messages, latest activity first.' })
  items: ThreadDto[];
}

export class HeldBackDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  senderId: string;

  @ApiProperty({ enum: MESSAGE_TOPICS, enumName: 'MessageTopic' })
  topic: MessageTopic;

  @ApiProperty()
  text: string;

  @ApiProperty()
  urgent: boolean;

  @ApiProperty({ format: 'date-time' })
  attemptedAt: string;

  @ApiProperty({ enum: HELD_BACK_REASONS, enumName: 'HeldBackReason' })
  reason: HeldBackReason;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the same send would have been accepted; null when urgent messages are turned off.' })
  retryAt: string | null;
}

export class HeldBackPageDto {
  @ApiProperty({ type: [HeldBackDto], description: 'Newest first.' })
  items: HeldBackDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor: string | null;
}

export class HeldBackCountsDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: "Attempts today (the calendar day in the case's time zone)." })
  today: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Attempts since the case began.' })
  total: number;
}

/** Counts only: the other parent's texts are read only by asking for them (`?of=other`). */
export class HeldBackSummaryDto {
  @ApiProperty({ type: HeldBackCountsDto, description: "The caller's own attempts that were held back." })
  mine: HeldBackCountsDto;

  @ApiProperty({ type: HeldBackCountsDto, description: "The other parent's attempts held back from the caller's inbox." })
  other: HeldBackCountsDto;
}

export const DELIVERY_MODES = ['immediate', 'windows'] as const;

/** What the caller may still send to the other parent now, by the same rules as a send (the domain's `sendAllowance`). */
export class AllowanceDto {
  @ApiProperty({ type: 'integer', description: "The other parent's daily cap: messages their inbox takes per day." })
  dailyQuota: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: "Messages the caller sent today (the case's time zone)." })
  sentToday: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  remainingToday: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a message will be accepted again; null while sends remain today.' })
  nextSendAt: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'The shared urgent allowance per sender in any 30 days; 0: urgent messages are off.' })
  urgentPer30Days: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  urgentRemaining: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the urgent allowance has room again; null while it has (or when urgent messages are off).' })
  nextUrgentAt: string | null;

  @ApiProperty({ enum: DELIVERY_MODES, enumName: 'DeliveryMode', description: "The other parent's inbox: messages delivered at once, or at their delivery windows." })
  deliveryMode: 'immediate' | 'windows';

  @ApiProperty({ format: 'date-time', description: "When an ordinary message sent now would reach the other parent's inbox." })
  deliverAtIfSentNow: string;
}

/** A send refused by the case's terms (429 over a limit, 422 when urgent is off): the attempt is kept in the record. */
export class HeldBackErrorDto extends ErrorDto {
  @ApiProperty({ enum: HELD_BACK_REASONS, enumName: 'HeldBackReason' })
  reason: HeldBackReason;

  @ApiProperty({ format: 'uuid', description: 'The kept attempt, listed under held-back.' })
  heldBackId: string;
}

export function toMessageDto(row: MessageEntity, viewerId: string, showReadTimes: boolean): MessageDto {
  const isSender = row.senderId === viewerId;
  const readAt = !isSender || showReadTimes ? (row.firstReadAt?.toISOString() ?? null) : null;
  return {
    id: row.id,
    caseId: row.caseId,
    senderId: row.senderId,
    recipientId: row.recipientId,
    direction: isSender ? 'sent' : 'received',
    topic: row.topic as MessageTopic,
    text: row.text,
    urgent: row.urgent,
    sentAt: row.sentAt.toISOString(),
    deliverAt: row.deliverAt.toISOString(),
    deliveredAt: row.releasedAt?.toISOString() ?? null,
    readAt,
    status: readAt ? 'read' : row.releasedAt ? 'delivered' : 'held',
  };
}

export function toThreadDto(thread: { topic: string; count: number; unread: number; lastAt: Date }): ThreadDto {
  return { topic: thread.topic as MessageTopic, count: thread.count, unread: thread.unread, lastAt: thread.lastAt.toISOString() };
}

export function toAllowanceDto(allowance: SendAllowance): AllowanceDto {
  return {
    dailyQuota: allowance.dailyQuota,
    sentToday: allowance.sentToday,
    remainingToday: allowance.remainingToday,
    nextSendAt: allowance.nextSendAt?.toISOString() ?? null,
    urgentPer30Days: allowance.urgentPer30Days,
    urgentRemaining: allowance.urgentRemaining,
    nextUrgentAt: allowance.nextUrgentAt?.toISOString() ?? null,
    deliveryMode: allowance.deliveryMode,
    deliverAtIfSentNow: allowance.deliverAtIfSentNow.toISOString(),
  };
}

export function toHeldBackSummaryDto(counts: { mine: { today: number; total: number }; other: { today: number; total: number } }): HeldBackSummaryDto {
  return { mine: { ...counts.mine }, other: { ...counts.other } };
}

export function toHeldBackDto(row: HeldBackAttemptEntity): HeldBackDto {
  return {
    id: row.id,
    senderId: row.senderId,
    topic: row.topic as MessageTopic,
    text: row.text,
    urgent: row.urgent,
    attemptedAt: row.attemptedAt.toISOString(),
    reason: row.reason,
    retryAt: row.retryAt?.toISOString() ?? null,
  };
}
