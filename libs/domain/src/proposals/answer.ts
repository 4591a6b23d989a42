/**
 * One parent proposes, the other answers: the rule behind every change that needs both
 * parents (shared terms, a parenting plan, a schedule swap, an expense to share). Each
 * subject keeps its own words for the outcome (an expense is "approved" or "disputed");
 * the rule only knows who may give which answer, and when.
 */

/** The other parent's yes or no, or the proposer taking the proposal back. */
export type ProposalAnswer = 'accept' | 'decline' | 'withdraw';

export const PROPOSAL_ANSWERS: readonly ProposalAnswer[] = ['accept', 'decline', 'withdraw'];

export type DecidedProposalStatus = 'accepted' | 'declined' | 'withdrawn';
export type ProposalStatus = 'pending' | DecidedProposalStatus;

/** The status each answer leads to. */
export const PROPOSAL_OUTCOMES: Readonly<Record<ProposalAnswer, DecidedProposalStatus>> = Object.freeze({
  accept: 'accepted',
  decline: 'declined',
  withdraw: 'withdrawn',
});

/**
 * What the rule needs to know of a proposal. `status` is `'pending'` while it waits for
 * an answer; any other value (in the subject's own words) means it was decided.
 */
export interface AnswerableProposal<TStatus extends string = ProposalStatus> {
  status: 'pending' | TStatus;
  proposedBy: string;
}

export type ProposalAnswerRefusal = 'not_pending' | 'proposer_cannot_answer' | 'only_proposer_withdraws';

export type ProposalAnswerDecision<TStatus extends string = ProposalStatus> =
  | { ok: true; status: DecidedProposalStatus }
  /** Already decided; `status` is how, so the refusal can say so. */
  | { ok: false; reason: 'not_pending'; status: Exclude<TStatus, 'pending'> }
  | { ok: false; reason: 'proposer_cannot_answer' }
  | { ok: false; reason: 'only_proposer_withdraws' };

/**
 * Whether `answeredBy` may give `answer` to `proposal`, and the status it leads to.
 * `answeredBy` must already be known to be one of the case's two parents (membership is
 * checked where the request comes in), so "not the proposer" means "the other parent".
 */
export function decideProposalAnswer<TStatus extends string = ProposalStatus>(
  proposal: AnswerableProposal<TStatus>,
  answer: ProposalAnswer,
  answeredBy: string,
): ProposalAnswerDecision<TStatus> {
  // A decision is final: a second answer (a retry, a race between both parents, a
  // change of mind) must not overwrite the first, which the record already holds.
  if (proposal.status !== 'pending') {
    return { ok: false, reason: 'not_pending', status: proposal.status as Exclude<TStatus, 'pending'> };
  }
  const byProposer = proposal.proposedBy === answeredBy;
  if (answer === 'withdraw') {
    // Withdrawing is taking one's own offer back; the other parent's "no" is decline.
    return byProposer ? { ok: true, status: PROPOSAL_OUTCOMES.withdraw } : { ok: false, reason: 'only_proposer_withdraws' };
  }
  // Agreement needs the other parent: a proposer who could accept their own proposal
  // would change shared terms alone.
  if (byProposer) return { ok: false, reason: 'proposer_cannot_answer' };
  return { ok: true, status: PROPOSAL_OUTCOMES[answer] };
}
