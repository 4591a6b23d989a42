import { ApiProperty } from '@nestjs/swagger';
import {
  PROFESSIONAL_ACCESS_MAX_DAYS,
  PROFESSIONAL_NAME_MAX,
  PROFESSIONAL_ROLES,
  professionalAccessStatus,
  type ProfessionalAccessStatus,
  type ProfessionalRole,
} from '@parallel/domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsISO8601, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CaseParentDto, LedgerHeadDto } from '../../cases/dto/case.dto';
import type { GrantWithVisits } from '../professional-access.repository';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A link's secret: 43 URL-safe characters (256 random bits). */
export const ACCESS_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export class GrantProfessionalAccessDto {
  @ApiProperty({ example: 'Jane Smith', maxLength: PROFESSIONAL_NAME_MAX, description: 'The professional’s name, as the record will keep it.' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(PROFESSIONAL_NAME_MAX)
  name: string;

  @ApiProperty({ example: 'jane.smith@lawfirm.example', description: 'Where the link is mailed.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: PROFESSIONAL_ROLES })
  @IsIn(PROFESSIONAL_ROLES, { message: `role must be one of ${PROFESSIONAL_ROLES.join(', ')}` })
  role: ProfessionalRole;

  @ApiProperty({
    format: 'date-time',
    example: '2026-12-31T23:59:00.000Z',
    description: `When the access ends: at least an hour and at most ${PROFESSIONAL_ACCESS_MAX_DAYS} days from now.`,
  })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'expiresAt must be a date and time written in ISO 8601, e.g. 2026-12-31T23:59:00Z' })
  expiresAt: string;
}

export class OpenProfessionalVisitDto {
  @ApiProperty({ description: 'The secret from the link the professional received: the part after /p/.', example: 'k3Jd…' })
  @IsString()
  @Matches(ACCESS_SECRET_PATTERN, { message: 'secret must be the 43 characters after /p/ in the link' })
  secret: string;
}

// Responses

export class ProfessionalAccessDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ enum: PROFESSIONAL_ROLES })
  role: ProfessionalRole;

  @ApiProperty({ example: 'Jane Smith' })
  name: string;

  @ApiProperty({ example: 'jane.smith@lawfirm.example' })
  email: string;

  @ApiProperty({ format: 'uuid', description: 'The parent who gave it; only they can end it.' })
  grantedBy: string;

  @ApiProperty({ format: 'date-time' })
  grantedAt: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ enum: ['active', 'expired', 'revoked'], description: 'Open, past its end, or ended by the parent who gave it.' })
  status: ProfessionalAccessStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  revokedBy: string | null;

  @ApiProperty({ type: 'integer', description: 'How many times the professional opened the record with it (each recorded).' })
  visitCount: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastVisitAt: string | null;

  @ApiProperty({ description: 'Whether the caller may end it now: they gave it, and it is still open.' })
  canRevoke: boolean;
}

export class ProfessionalAccessListDto {
  @ApiProperty({ type: [ProfessionalAccessDto], description: 'Newest first: open, expired and ended alike.' })
  items: ProfessionalAccessDto[];
}

export class GrantedProfessionalAccessDto {
  @ApiProperty({ type: ProfessionalAccessDto })
  access: ProfessionalAccessDto;

  @ApiProperty({
    example: 'https://parallel.example/p/k3Jd…',
    description: 'The link, shown this once (only its hash is kept). It was mailed to the professional.',
  })
  url: string;

  @ApiProperty({ description: 'Whether the mail with the link was handed to the mail server.' })
  mailDelivered: boolean;
}

export function toProfessionalAccessDto(row: GrantWithVisits, viewerId: string, now: Date): ProfessionalAccessDto {
  const status = professionalAccessStatus({ grantedBy: row.grantedBy, expiresAtMs: row.expiresAt.getTime(), revokedAtMs: row.revokedAt?.getTime() ?? null }, now.getTime());
  return {
    id: row.id,
    caseId: row.caseId,
    role: row.role,
    name: row.name,
    email: row.email,
    grantedBy: row.grantedBy,
    grantedAt: row.grantedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    status,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
    visitCount: row.visitCount,
    lastVisitAt: row.lastVisitAt?.toISOString() ?? null,
    canRevoke: status === 'active' && row.grantedBy === viewerId,
  };
}

export class ProfessionalViewerDto {
  @ApiProperty({ example: 'Jane Smith' })
  name: string;

  @ApiProperty({ enum: PROFESSIONAL_ROLES })
  role: ProfessionalRole;

  @ApiProperty({ example: 'jane.smith@lawfirm.example' })
  email: string;
}

export class ProfessionalCaseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Alex and Sam' })
  name: string;

  @ApiProperty({ example: 'Europe/London' })
  timeZone: string;

  @ApiProperty({ type: [String] })
  children: string[];

  @ApiProperty({ type: [CaseParentDto], description: 'The parents, the case’s creator first.' })
  parents: CaseParentDto[];

  @ApiProperty({ type: LedgerHeadDto, description: 'The last entry of the record: read the record up to it.' })
  ledgerHead: LedgerHeadDto;
}

/** What a professional's visit shows: who they are, who gave the access, the case, and until when. */
export class ProfessionalViewDto {
  @ApiProperty({ type: ProfessionalViewerDto })
  professional: ProfessionalViewerDto;

  @ApiProperty({ type: CaseParentDto, description: 'The parent who gave the access: the record is shown as they see it.' })
  grantedBy: CaseParentDto;

  @ApiProperty({ format: 'date-time', description: 'When the access ends.' })
  expiresAt: string;

  @ApiProperty({ format: 'date-time', description: 'When this visit ends; the link can then be opened again until the access ends.' })
  visitExpiresAt: string;

  @ApiProperty({ type: ProfessionalCaseDto })
  case: ProfessionalCaseDto;
}
