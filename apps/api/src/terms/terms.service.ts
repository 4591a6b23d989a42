import { Injectable } from '@nestjs/common';
import {
  INBOX_TERMS_KEYS,
  applyTermsChanges,
  canonicalJson,
  decideProposalAnswer,
  validateTermsChanges,
  type ProposalAnswer,
  type ProposalAnswerDecision,
} from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { CaseAccessRepository } from '../access/case-access.repository';
import { AuthContext } from '../common/auth-context';
import { Conflict, InvalidInput, NotAllowed, NotFound } from '../common/errors';
import { CaseCommands, CaseTransaction } from '../ledger/case-commands';
import { RealtimeGateway } from '../notifications/realtime.gateway';
import { CaseSettingsDto, CreateProposalDto, ProposalDto, ProposalListDto, toCaseSettingsDto, toProposalDto } from './dto/proposal.dto';
import { TermsProposalEntity } from './entities/terms-proposal.entity';
import { InboxTermsService } from './inbox-terms.service';
import { TermsRepository } from './terms.repository';

/**
 * Two kinds of terms. Each parent sets their own inbox's terms (delivery windows, daily cap)
 * alone: announced to the other parent, recorded, effective after a day's notice, within
 * floors. The shared terms (urgent allowance, read times, split) change only by agreement:
 * one parent proposes, the other accepts or declines. Every step is in the ledger.
 */
@Injectable()
export class TermsService {
  constructor(
    private readonly repository: TermsRepository,
    private readonly commands: CaseCommands,
    private readonly realtime: RealtimeGateway,
    private readonly access: CaseAccessRepository,
    private readonly inboxes: InboxTermsService,
  ) {}

  async get(caseId: string): Promise<CaseSettingsDto> {
    const found = await this.repository.findCase(caseId);
    if (!found) throw new NotFound('Case not found');
    const [pending, inboxes] = await Promise.all([this.repository.findPending(caseId), this.inboxes.inboxes(caseId)]);
    return toCaseSettingsDto(inboxes, found.terms, pending);
  }

  async list(caseId: string): Promise<ProposalListDto> {
    return { items: (await this.repository.list(caseId)).map(toProposalDto) };
  }

  async propose(auth: AuthContext, caseId: string, dto: CreateProposalDto): Promise<ProposalDto> {
    const validation = validateTermsChanges(dto.changes);
    if (!validation.ok) {
      throw new InvalidInput(validation.problems.map((problem) => ({ ...problem, field: problem.field ? `changes.${problem.field}` : 'changes' })));
    }
    return this.commands.run(caseId, async (tx) => {
      if (await this.repository.findPending(caseId, tx)) {
        throw new Conflict('A proposal is already waiting for an answer. It must be accepted, declined or withdrawn before another is made.');
      }
      if (canonicalJson(applyTermsChanges(tx.caseRow.terms, validation.changes)) === canonicalJson(tx.caseRow.terms)) {
        throw new InvalidInput([{ field: 'changes', rule: 'changesSomething', message: 'changes must differ from the terms in force' }]);
      }
      const row: TermsProposalEntity = {
        id: randomUUID(),
        caseId,
        proposedBy: auth.userId,
        changes: validation.changes,
        status: 'pending',
        createdAt: tx.now,
        decidedAt: null,
        decidedBy: null,
      };
      await this.repository.insert(tx, row);
      await tx.record('terms.proposed', auth.userId, { proposalId: row.id, changes: row.changes });
      this.announce(tx, auth.userId, row);
      return toProposalDto(row);
    });
  }

  async answer(auth: AuthContext, caseId: string, proposalId: string, answer: ProposalAnswer): Promise<ProposalDto> {
    return this.commands.run(caseId, async (tx) => {
      const row = await this.repository.findProposal(tx, caseId, proposalId);
      if (!row) throw new NotFound('Proposal not found');
      const decision = decideProposalAnswer(row, answer, auth.userId);
      if (!decision.ok) throw proposalRefusal(decision);
      const decided: TermsProposalEntity = { ...row, status: decision.status, decidedAt: tx.now, decidedBy: auth.userId };
      await this.repository.decide(tx, decided);
      if (decision.status === 'accepted') {
        if (INBOX_TERMS_KEYS.some((key) => row.changes[key] !== undefined)) {
          // Made before inbox terms existed: each parent now sets those alone, so it cannot apply as it was proposed.
          throw new Conflict(
            'This proposal names the cadence or the daily quota, which each parent now sets for their own inbox. Decline it (or the proposer withdraws it) and propose the shared terms again.',
          );
        }
        const terms = applyTermsChanges(tx.caseRow.terms, row.changes);
        await this.repository.updateTerms(tx, caseId, terms);
        await tx.record('terms.accepted', auth.userId, { proposalId: row.id, terms });
      } else {
        await tx.record(decision.status === 'declined' ? 'terms.declined' : 'terms.withdrawn', auth.userId, { proposalId: row.id });
      }
      this.announce(tx, auth.userId, decided);
      return toProposalDto(decided);
    });
  }

  /** The other parent's screens follow a proposal's steps live. */
  private announce(tx: CaseTransaction, actorId: string, row: TermsProposalEntity): void {
    tx.afterCommit(async () => {
      const otherParentId = await this.access.otherParentId(row.caseId, actorId);
      if (otherParentId) this.realtime.emitToUser(otherParentId, 'terms.changed', { caseId: row.caseId, kind: 'proposal', proposalId: row.id, status: row.status });
    });
  }
}


function proposalRefusal(decision: Exclude<ProposalAnswerDecision, { ok: true }>): Error {
  switch (decision.reason) {
    case 'not_pending':
      return new Conflict(`This proposal was already ${decision.status}.`);
    case 'only_proposer_withdraws':
      return new NotAllowed('Only the parent who made a proposal can withdraw it.');
    case 'proposer_cannot_answer':
      return new NotAllowed('The other parent answers a proposal; you can withdraw your own.');
  }
}
