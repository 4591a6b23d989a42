import { Injectable } from '@nestjs/common';
import { applyTermsChanges, canonicalJson, type CaseTerms, validateTermsChanges } from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { CaseAccessRepository } from '../access/case-access.repository';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { Conflict, InvalidInput, NotAllowed, NotFound } from '../common/errors';
import { LedgerRepository } from '../ledger/ledger.repository';
import { RealtimeGateway } from '../notifications/realtime.gateway';
import { CreateProposalDto } from './dto/proposal.dto';
import { ProposalStatus, TermsProposalEntity } from './entities/terms-proposal.entity';
import { TermsRepository } from './terms.repository';

export interface ProposalView {
  id: string;
  proposedBy: string;
  changes: TermsProposalEntity['changes'];
  status: ProposalStatus;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

type Answer = 'accept' | 'decline' | 'withdraw';

/**
 * The case's terms (cadence, quota, urgent limit, read times, split) change only by
 * agreement: one parent proposes, the other accepts or declines. Neither can quietly
 * move the terms, and every step is in the ledger.
 */
@Injectable()
export class TermsService {
  constructor(
    private readonly repository: TermsRepository,
    private readonly ledger: LedgerRepository,
    private readonly realtime: RealtimeGateway,
    private readonly access: CaseAccessRepository,
    private readonly clock: Clock,
  ) {}

  async get(caseId: string): Promise<{ terms: CaseTerms; pendingProposal: ProposalView | null }> {
    const found = await this.repository.findCase(caseId);
    if (!found) throw new NotFound('Case not found');
    const pending = await this.repository.findPending(caseId);
    return { terms: found.terms, pendingProposal: pending ? toProposalView(pending) : null };
  }

  async list(caseId: string): Promise<{ items: ProposalView[] }> {
    return { items: (await this.repository.list(caseId)).map(toProposalView) };
  }

  async propose(auth: AuthContext, caseId: string, dto: CreateProposalDto): Promise<ProposalView> {
    const validation = validateTermsChanges(dto.changes);
    if (!validation.ok) {
      throw new InvalidInput(validation.problems.map((problem) => ({ ...problem, field: problem.field ? `changes.${problem.field}` : 'changes' })));
    }
    const proposal = await this.repository.transaction(async (manager) => {
      const locked = await this.repository.lockCase(manager, caseId);
      if (!locked) throw new NotFound('Case not found');
      if (await this.repository.findPending(caseId, manager)) {
        throw new Conflict('A proposal is already waiting for an answer. It must be accepted, declined or withdrawn before another is made.');
      }
      if (canonicalJson(applyTermsChanges(locked.terms, validation.changes)) === canonicalJson(locked.terms)) {
        throw new InvalidInput([{ field: 'changes', rule: 'changesSomething', message: 'changes must differ from the terms in force' }]);
      }
      const row: TermsProposalEntity = {
        id: randomUUID(),
        caseId,
        proposedBy: auth.userId,
        changes: validation.changes,
        status: 'pending',
        createdAt: this.clock.now(),
        decidedAt: null,
        decidedBy: null,
      };
      await this.repository.insert(manager, row);
      await this.ledger.append(manager, caseId, 'terms.proposed', auth.userId, { proposalId: row.id, changes: row.changes });
      return row;
    });
    const otherParentId = await this.access.otherParentId(caseId, auth.userId);
    if (otherParentId) this.realtime.emitToUser(otherParentId, 'terms.changed', { caseId, proposalId: proposal.id, status: proposal.status });
    return toProposalView(proposal);
  }

  async answer(auth: AuthContext, caseId: string, proposalId: string, answer: Answer): Promise<ProposalView> {
    const { proposal, otherParentId } = await this.repository.transaction(async (manager) => {
      const locked = await this.repository.lockCase(manager, caseId);
      if (!locked) throw new NotFound('Case not found');
      const row = await this.repository.findProposal(manager, caseId, proposalId);
      if (!row) throw new NotFound('Proposal not found');
      if (row.status !== 'pending') throw new Conflict(`This proposal was already ${row.status}.`);
      const byProposer = row.proposedBy === auth.userId;
      if (answer === 'withdraw' && !byProposer) throw new NotAllowed('Only the parent who made a proposal can withdraw it.');
      if (answer !== 'withdraw' && byProposer) throw new NotAllowed('The other parent answers a proposal; you can withdraw your own.');
      const now = this.clock.now();
      const decided: TermsProposalEntity = { ...row, status: STATUS_OF[answer], decidedAt: now, decidedBy: auth.userId };
      await this.repository.decide(manager, decided);
      if (answer === 'accept') {
        const terms = applyTermsChanges(locked.terms, row.changes);
        await this.repository.updateTerms(manager, caseId, terms);
        await this.ledger.append(manager, caseId, 'terms.accepted', auth.userId, { proposalId: row.id, terms });
      } else {
        await this.ledger.append(manager, caseId, answer === 'decline' ? 'terms.declined' : 'terms.withdrawn', auth.userId, { proposalId: row.id });
      }
      return { proposal: decided, otherParentId: await this.access.otherParentId(caseId, auth.userId, manager) };
    });
    if (otherParentId) this.realtime.emitToUser(otherParentId, 'terms.changed', { caseId, proposalId, status: proposal.status });
    return toProposalView(proposal);
  }
}

const STATUS_OF: Record<Answer, ProposalStatus> = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' };

function toProposalView(row: TermsProposalEntity): ProposalView {
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
