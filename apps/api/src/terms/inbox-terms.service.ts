import { Injectable } from '@nestjs/common';
import { canonicalJson, inboxTermsAt, inboxTermsEffectiveAt, validateInboxTerms, type InboxTerms, type InboxTermsChange } from '@parallel/domain';
import { CaseAccessRepository } from '../access/case-access.repository';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { InvalidInput } from '../common/errors';
import type { Tx } from '../database/transaction';
import { CaseCommands } from '../ledger/case-commands';
import { RealtimeGateway } from '../notifications/realtime.gateway';
import { InboxTermsChangeDto, SetInboxTermsDto, toInboxTermsDto } from './dto/terms.dto';
import { InboxTermsRepository } from './inbox-terms.repository';

export interface InboxState {
  userId: string;
  inForce: InboxTermsChange;
  pending: InboxTermsChange | null;
}

/**
 * My inbox, my terms: each parent sets when messages reach them and how many a day they
 * take, alone: protection never waits for the other parent's consent. A change is announced
 * to the other parent at once, recorded, and binds after a day's notice, within floors that
 * keep the channel open (the domain's `validateInboxTerms`).
 */
@Injectable()
export class InboxTermsService {
  constructor(
    private readonly repository: InboxTermsRepository,
    private readonly commands: CaseCommands,
    private readonly realtime: RealtimeGateway,
    private readonly access: CaseAccessRepository,
    private readonly clock: Clock,
  ) {}

  /** Both parents' inboxes now: the terms in force and any change waiting for its effective time. */
  async inboxes(caseId: string): Promise<InboxState[]> {
    const now = this.clock.now();
    const [changes, parentIds] = await Promise.all([this.repository.changes(caseId), this.repository.parentIds(caseId)]);
    return parentIds.flatMap((userId) => {
      const state = inboxTermsAt(changes, userId, now);
      return state.inForce ? [{ userId, inForce: state.inForce, pending: state.pending }] : [];
    });
  }

  /** The terms of `userId`'s inbox at `at`; with `tx`, read in a case command (under the case's lock). */
  async inForce(caseId: string, userId: string, at: Date, tx?: Tx): Promise<InboxTerms> {
    return this.inForceAmong(await this.repository.changes(caseId, tx), caseId, userId, at);
  }

  /** As inForce, from the case's changes already read (a send reads them with its context). */
  inForceAmong(changes: readonly InboxTermsChange[], caseId: string, userId: string, at: Date): InboxTerms {
    const state = inboxTermsAt(changes, userId, at);
    // Every case has inbox terms from its creation; a case without would be a broken migration.
    if (!state.inForce) throw new Error(`Case ${caseId} has no inbox terms for ${userId}`);
    return state.inForce.terms;
  }

  /**
   * The caller sets their own inbox's terms: no consent needed, announced to the other parent
   * at once, in force after a day's notice. A newer change replaces one still pending.
   */
  async setInboxTerms(auth: AuthContext, caseId: string, dto: SetInboxTermsDto): Promise<InboxTermsChangeDto> {
    const validation = validateInboxTerms({ ...dto });
    if (!validation.ok) throw new InvalidInput(validation.problems.map((problem) => ({ ...problem, field: problem.field || 'body' })));
    const { terms } = validation;
    return this.commands.run(caseId, async (tx) => {
      const state = inboxTermsAt(await this.repository.changes(caseId, tx), auth.userId, tx.now);
      const latest = state.pending ?? state.inForce;
      if (latest && canonicalJson(latest.terms) === canonicalJson(terms)) {
        throw new InvalidInput([
          { field: 'body', rule: 'changesSomething', message: state.pending ? 'these terms are already waiting to take effect' : 'these terms are already in force' },
        ]);
      }
      const effectiveAt = inboxTermsEffectiveAt(tx.now);
      const entry = await tx.record('inbox_terms.changed', auth.userId, {
        userId: auth.userId,
        cadence: terms.cadence,
        dailyQuota: terms.dailyQuota,
        effectiveAt: effectiveAt.toISOString(),
      });
      await this.repository.insert(tx, {
        caseId,
        ledgerSeq: entry.seq,
        userId: auth.userId,
        cadence: terms.cadence,
        dailyQuota: terms.dailyQuota,
        requestedAt: tx.now,
        effectiveAt,
      });
      tx.afterCommit(async () => {
        const otherParentId = await this.access.otherParentId(caseId, auth.userId);
        if (otherParentId) {
          this.realtime.emitToUser(otherParentId, 'terms.changed', { caseId, kind: 'inbox', userId: auth.userId, effectiveAt: effectiveAt.toISOString() });
        }
      });
      return {
        userId: auth.userId,
        terms: toInboxTermsDto(terms),
        requestedAt: tx.now.toISOString(),
        effectiveAt: effectiveAt.toISOString(),
        replacedPending: state.pending !== null,
      };
    });
  }

}
