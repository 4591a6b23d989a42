import { ApiProperty } from '@nestjs/swagger';
import type { CaseTerms, ProposalStatus } from '@parallel/domain';
import { IsObject } from 'class-validator';
import type { TermsProposalEntity } from '../entities/terms-proposal.entity';
import { CaseTermsDto, TermsChangesDto, toCaseTermsDto } from './terms.dto';

export class CreateProposalDto {
  @ApiProperty({
    type: TermsChangesDto,
    description: 'Any of cadence, dailyQuota, urgentPer30Days, showReadTimes, split. Applies once the other parent accepts.',
    example: { cadence: { mode: 'windows', windows: [{ weekday: 1, time: '18:00' }, { weekday: 4, time: '18:00' }] }, dailyQuota: 3 },
  })
  @IsObject({ message: 'changes must be an object' })
  changes: Record<string, unknown>;
}

// Responses

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const satisfies readonly ProposalStatus[];

export class ProposalDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The parent who proposed it.' })
  proposedBy: string;

  @ApiProperty({ type: TermsChangesDto, description: 'The terms it replaces; the others stay as they are.' })
  changes: TermsChangesDto;

  @ApiProperty({ enum: PROPOSAL_STATUSES, enumName: 'ProposalStatus' })
  status: ProposalStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was accepted, declined or withdrawn; null while pending.' })
  decidedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who accepted, declined or withdrew it; null while pending.' })
  decidedBy: string | null;
}

export class ProposalListDto {
  @ApiProperty({ type: [ProposalDto], description: 'Newest first.' })
  items: ProposalDto[];
}

/** `GET /cases/:caseId/settings`: the terms in force and the proposal waiting for an answer, if any. */
export class CaseSettingsDto {
  @ApiProperty({ type: CaseTermsDto })
  terms: CaseTermsDto;

  @ApiProperty({ type: ProposalDto, nullable: true, description: 'At most one proposal waits at a time.' })
  pendingProposal: ProposalDto | null;
}

export function toProposalDto(row: TermsProposalEntity): ProposalDto {
  return {
    id: row.id,
    proposedBy: row.proposedBy,
    changes: row.changes,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
  };
}

export function toCaseSettingsDto(terms: CaseTerms, pending: TermsProposalEntity | null): CaseSettingsDto {
  return { terms: toCaseTermsDto(terms), pendingProposal: pending ? toProposalDto(pending) : null };
}
