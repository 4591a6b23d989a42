import { ApiProperty } from '@nestjs/swagger';
import type { InboxTermsChange, ProposalStatus, SharedTerms } from '@parallel/domain';
import { IsObject } from 'class-validator';
import type { TermsProposalEntity } from '../entities/terms-proposal.entity';
import { InboxDto, SharedTermsChangesDto, SharedTermsDto, TermsChangesDto, toInboxDto, toSharedTermsDto } from './terms.dto';

export class CreateProposalDto {
  @ApiProperty({
    type: SharedTermsChangesDto,
    description:
      'Any of urgentPer30Days, showReadTimes, split. Applies once the other parent accepts. The cadence and the daily quota are not proposed: each parent sets them for their own inbox (PUT .../inbox-terms); a proposal naming them is refused (rule inboxTerms).',
    example: { urgentPer30Days: 2, showReadTimes: false },
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

/**
 * `GET /cases/:caseId/settings`: each parent's inbox terms (in force, and a change waiting for
 * its effective time), the shared terms, and the proposal of shared terms waiting for an answer.
 */
export class CaseSettingsDto {
  @ApiProperty({ type: [InboxDto], description: 'One per parent in the case, in the order they joined.' })
  inboxes: InboxDto[];

  @ApiProperty({ type: SharedTermsDto })
  shared: SharedTermsDto;

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

export function toCaseSettingsDto(
  inboxes: { userId: string; inForce: InboxTermsChange; pending: InboxTermsChange | null }[],
  shared: SharedTerms,
  pending: TermsProposalEntity | null,
): CaseSettingsDto {
  return {
    inboxes: inboxes.map((inbox) => toInboxDto(inbox.userId, inbox.inForce, inbox.pending)),
    shared: toSharedTermsDto(shared),
    pendingProposal: pending ? toProposalDto(pending) : null,
  };
}
