import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsString, MaxLength, MinLength, Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { isValidCaseTimeZone } from '@parallel/domain';
import { SharedTermsDto, toSharedTermsDto } from '../../terms/dto/terms.dto';
import type { CaseParentRow } from '../cases.repository';
import type { CaseEntity } from '../entities/case.entity';
import type { InvitationEntity } from '../entities/invitation.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

@ValidatorConstraint({ name: 'isTimeZone' })
class IsIanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidCaseTimeZone(value);
  }
  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as Europe/London or America/New_York';
  }
}

export class CreateCaseDto {
  @ApiProperty({ example: 'Alex and Sam', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'Europe/London' })
  @IsString()
  @MaxLength(64)
  @Validate(IsIanaTimeZone)
  timeZone: string;

  @ApiProperty({ example: ['Mia', 'Leo'], description: "Children's first names (1 to 10)." })
  @Transform(trimEach)
  @IsArray()
  @ArrayMinSize(1, { message: 'children must name at least one child' })
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each child needs a first name' })
  @MaxLength(50, { each: true })
  children: string[];
}

export class CreateInvitationDto {
  @ApiProperty({ example: 'sam@example.org' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;
}

// Responses

export class CaseParentDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ example: 'Alex' })
  displayName: string;

  @ApiProperty({ example: 'parent', description: 'Always `parent`: a case has exactly two parents and nobody else.' })
  role: string;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;
}

export class PendingInvitationDto {
  @ApiProperty({ example: 'sam@example.org' })
  email: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class LedgerHeadDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: "The last entry of the case's record visible to the caller; 0 for none." })
  seq: number;

  @ApiProperty({ example: '0'.repeat(64), description: 'Its hash (hex SHA-256).' })
  hash: string;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Alex and Sam' })
  name: string;

  @ApiProperty({ example: 'Europe/London', description: 'IANA time zone: days, quotas and delivery windows are counted in it.' })
  timeZone: string;

  @ApiProperty({ type: [String], example: ['Mia', 'Leo'] })
  children: string[];

  @ApiProperty({
    type: SharedTermsDto,
    description: "The terms both parents agreed on; they change only by accepted proposal. Each parent's inbox terms (delivery windows, daily cap) are in GET .../settings.",
  })
  terms: SharedTermsDto;

  @ApiProperty({ type: [CaseParentDto], description: 'One or two parents, in the order they joined.' })
  parents: CaseParentDto[];

  @ApiProperty({ type: PendingInvitationDto, nullable: true, description: 'The invitation waiting for the other parent, if any.' })
  pendingInvitation: PendingInvitationDto | null;

  @ApiProperty({ type: LedgerHeadDto })
  ledgerHead: LedgerHeadDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CaseListDto {
  @ApiProperty({ type: [CaseDto], description: "Every case the caller is a parent of (a handful at most, so not paged)." })
  items: CaseDto[];
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'sam@example.org' })
  email: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ description: 'Whether the mail server accepted the invitation mail; if not, invite again later.' })
  mailDelivered: boolean;

  @ApiProperty({ description: 'Whether an earlier invitation link that still worked was voided by this one (only the latest link works).' })
  replacedPending: boolean;
}

export class InviterDto {
  @ApiProperty({ example: 'Alex' })
  displayName: string;
}

/** What the invitation link shows before anyone signs in: only what the invited parent needs to decide. */
export class InvitationPreviewDto {
  @ApiProperty({ example: 'Alex and Sam' })
  caseName: string;

  @ApiProperty({ type: InviterDto })
  invitedBy: InviterDto;

  @ApiProperty({ example: 'sam@example.org', description: 'The address invited: the account that accepts must use it.' })
  email: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export function toCaseDto(row: CaseEntity, parents: CaseParentRow[], pending: InvitationEntity | null, ledgerHead: { seq: number; hash: string }): CaseDto {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    children: row.children,
    terms: toSharedTermsDto(row.terms),
    parents: parents.map((parent) => ({ userId: parent.userId, displayName: parent.displayName, role: parent.role, joinedAt: parent.joinedAt.toISOString() })),
    pendingInvitation: pending ? { email: pending.email, expiresAt: pending.expiresAt.toISOString() } : null,
    ledgerHead: { seq: ledgerHead.seq, hash: ledgerHead.hash },
    createdAt: row.createdAt.toISOString(),
  };
}

export function toInvitationDto(invitation: InvitationEntity, mailDelivered: boolean, replacedPending: boolean): InvitationDto {
  return { id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt.toISOString(), mailDelivered, replacedPending };
}

export function toInvitationPreviewDto(invitation: InvitationEntity, caseName: string, inviterName: string): InvitationPreviewDto {
  return { caseName, invitedBy: { displayName: inviterName }, email: invitation.email, expiresAt: invitation.expiresAt.toISOString() };
}
