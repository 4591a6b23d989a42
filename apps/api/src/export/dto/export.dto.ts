import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXPORT_SECTIONS, type ExportSection } from '@parallel/domain';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
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

export class ExportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The parent who made it; null when a professional made it (see `grantId`).' })
  requestedBy: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The professional access it was made with; null for a parent’s export.' })
  grantId: string | null;

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

export function toExportDto(row: ExportEntity): ExportDto {
  const base = `/api/cases/${row.caseId}/exports/${row.id}`;
  return {
    id: row.id,
    caseId: row.caseId,
    requestedBy: row.requestedBy,
    grantId: row.grantId,
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
