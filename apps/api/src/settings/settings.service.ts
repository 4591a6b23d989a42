import { Injectable } from '@nestjs/common';
import { applySettingsChanges, canonicalJson, type CaseSettings, validateSettingsChanges } from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { CaseAccessRepository } from '../access/case-access.repository';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { Conflict, InvalidInput, NotAllowed, NotFound } from '../common/errors';
import { LedgerRepository } from '../ledger/ledger.repository';
import { RealtimeGateway } from '../notifications/realtime.gateway';
import { CreateProposalDto } from './dto/proposal.dto';
import { ProposalStatus, SettingsProposalEntity } from './entities/settings-proposal.entity';
import { SettingsRepository } from './settings.repository';

export interface ProposalView {
  id: string;
  proposedBy: string;
  changes: SettingsProposalEntity['changes'];
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
export class SettingsService {
  constructor(
    private readonly repository: SettingsRepository,
    private readonly ledger: LedgerRepository,
    private readonly realtime: RealtimeGateway,
    private readonly access: CaseAccessRepository,
    private readonly clock: Clock,
  ) {}

  async get(caseId: string): Promise<{ settings: CaseSettings; pendingProposal: ProposalView | null }> {
    const found = await this.repository.findCase(caseId);
    if (!found) throw new NotFound('Case not found');
    const pending = await this.repository.findPending(caseId);
    return { settings: found.settings, pendingProposal: pending ? toProposalView(pending) : null };
  }

  async list(caseId: string): Promise<{ items: ProposalView[] }> {
    return { items: (await this.repository.list(caseId)).map(toProposalView) };
  }

  async propose(auth: AuthContext, caseId: string, dto: CreateProposalDto): Promise<ProposalView> {
    const validation = validateSettingsChanges(dto.changes);
    if (!validation.ok) {
      throw new InvalidInput(validation.problems.map((problem) => ({ ...problem, field: problem.field ? `changes.${problem.field}` : 'changes' })));
    }
    const proposal = await this.repository.transaction(async (manager) => {
      const locked = await this.repository.lockCase(manager, caseId);
      if (!locked) throw new NotFound('Case not found');
      if (await this.repository.findPending(caseId, manager)) {
        throw new Conflict('A proposal is already waiting for an answer. It must be accepted, declined or withdrawn before another is made.');
      }
      if (canonicalJson(applySettingsChanges(locked.settings, validation.changes)) === canonicalJson(locked.settings)) {
        throw new InvalidInput([{ field: 'changes', rule: 'changesSomething', message: 'changes must differ from the settings in force' }]);
      }
      const row: SettingsProposalEntity = {
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
      await this.ledger.append(manager, caseId, 'settings.proposed', auth.userId, { proposalId: row.id, changes: row.changes });
      return row;
    });
    const otherParentId = await this.access.otherParentId(caseId, auth.userId);
    if (otherParentId) this.realtime.emitToUser(otherParentId, 'settings.changed', { caseId, proposalId: proposal.id, status: proposal.status });
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
      const decided: SettingsProposalEntity = { ...row, status: STATUS_OF[answer], decidedAt: now, decidedBy: auth.userId };
      await this.repository.decide(manager, decided);
      if (answer === 'accept') {
        const settings = applySettingsChanges(locked.settings, row.changes);
        await this.repository.updateSettings(manager, caseId, settings);
        await this.ledger.append(manager, caseId, 'settings.accepted', auth.userId, { proposalId: row.id, settings });
      } else {
        await this.ledger.append(manager, caseId, answer === 'decline' ? 'settings.declined' : 'settings.withdrawn', auth.userId, { proposalId: row.id });
      }
      return { proposal: decided, otherParentId: await this.access.otherParentId(caseId, auth.userId, manager) };
    });
    if (otherParentId) this.realtime.emitToUser(otherParentId, 'settings.changed', { caseId, proposalId, status: proposal.status });
    return toProposalView(proposal);
  }
}

const STATUS_OF: Record<Answer, ProposalStatus> = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' };

function toProposalView(row: SettingsProposalEntity): ProposalView {
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
