import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXPORT_SECTIONS, PROFESSIONAL_ROLES, type ExportSection, type ProfessionalRole } from '@parallel/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MaxInt4 } from '../../common/validation';
import type { ExportEntity } from '../entities/export.entity';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class CreateExportDto {
  @ApiPropertyOptional({
    description: "First day printed (YYYY-MM-DD, in the case's time zone); omitted: from the first entry.",
    example: '2026-03-01',
  })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date written YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    description: "Last day printed (YYYY-MM-DD, in the case's time zone); omitted: up to the export.",
    example: '2026-03-31',
  })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date written YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({
    enum: EXPORT_SECTIONS,
    isArray: true,
    description: 'What the PDF prints after its cover and summary; omitted: every section. The bundle always carries the whole ledger.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(EXPORT_SECTIONS.length)
  @ArrayUnique({ message: 'sections must not repeat a section' })
  @IsIn(EXPORT_SECTIONS, {
    each: true,
    message: `each section must be one of ${EXPORT_SECTIONS.join(', ')}`,
  })
  sections?: ExportSection[];
}

/** Who made an export, as the cover of its PDF names them. */
export class ExportMakerDto {
  @ApiProperty({ enum: ['parent', 'professional'] })
  kind: 'parent' | 'professional';

  @ApiProperty({ description: 'The parent’s name, or the professional’s as the parent who gave the access wrote it.' })
  name: string;

  @ApiProperty({ enum: PROFESSIONAL_ROLES, nullable: true, description: 'The professional’s role; null for a parent.' })
  role: ProfessionalRole | null;
}

export class ExportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The parent who made it; null when a professional made it (see `grantId`).' })
  requestedBy: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The professional access it was made with; null for a parent’s export.' })
  grantId: string | null;

  @ApiProperty({ type: ExportMakerDto })
  madeBy: ExportMakerDto;

  @ApiProperty({
    type: 'integer',
    description: 'Its own `export.made` entry: the bundle covers the chain from entry 1 up to this one.',
  })
  ledgerSeq: number;

  @ApiProperty({ type: String, nullable: true })
  from: string | null;

  @ApiProperty({ type: String, nullable: true })
  to: string | null;

  @ApiProperty({ enum: EXPORT_SECTIONS, isArray: true })
  sections: string[];

  @ApiProperty({
    description: 'The signing key: `SHA256:` and the hex SHA-256 of its DER public key.',
  })
  keyFingerprint: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'Where to download the PDF.' })
  pdfUrl: string;

  @ApiProperty({ description: 'Where to download the signed bundle (zip).' })
  bundleUrl: string;
}

/** A page of a case's exports, newest first. */
export class ExportPageDto {
  @ApiProperty({ type: [ExportDto], description: 'Newest first.' })
  items: ExportDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the older exports; null on the last page.' })
  nextCursor: string | null;
}

/** How many exports a page lists unless asked: more than a case makes in a long while, few enough to draw at once. */
export const EXPORTS_PAGE_DEFAULT = 50;

export class ExportListQueryDto {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page: exports made before that one.', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'cursor must be a nextCursor value from a previous page' })
  @Min(1, { message: 'cursor must be a nextCursor value from a previous page' })
  @MaxInt4()
  cursor?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: EXPORTS_PAGE_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(100, { message: 'limit must not be greater than 100' })
  limit?: number;
}

export function toExportDto(row: ExportEntity, madeBy: ExportMakerDto): ExportDto {
  const base = `/api/cases/${row.caseId}/exports/${row.id}`;
  return {
    id: row.id,
    caseId: row.caseId,
    requestedBy: row.requestedBy,
    grantId: row.grantId,
    madeBy,
    ledgerSeq: row.ledgerSeq,
    from: row.rangeFrom,
    to: row.rangeTo,
    sections: row.sections,
    keyFingerprint: row.keyFingerprint,
    createdAt: row.createdAt.toISOString(),
    pdfUrl: `${base}/record.pdf`,
    bundleUrl: `${base}/bundle.zip`,
  };
}

export class SigningKeyDto {
  @ApiProperty({ enum: ['Ed25519'] })
  algorithm: 'Ed25519';

  @ApiProperty({ description: 'The public key, SubjectPublicKeyInfo in PEM.' })
  pem: string;

  @ApiProperty({ example: 'SHA256:3b1f…' })
  fingerprint: string;
}
