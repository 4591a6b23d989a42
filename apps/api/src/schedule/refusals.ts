import type { ProposalAnswerDecision, ScheduleProblem } from '@parallel/domain';
import { Conflict, InvalidInput, NotAllowed } from '../common/errors';

/** A refused answer to a plan, an override or a swap, in the words of what it is. */
export function answerRefusal(decision: Exclude<ProposalAnswerDecision<string>, { ok: true }>, what: string): Error {
  switch (decision.reason) {
    case 'not_pending':
      return new Conflict(`This ${what} was already ${decision.status.replace('_', ' ')}.`);
    case 'only_proposer_withdraws':
      return new NotAllowed(`Only the parent who made this ${what} can withdraw it.`);
    case 'proposer_cannot_answer':
      return new NotAllowed(`The other parent answers this ${what}; you can withdraw your own.`);
  }
}

/** Domain problems as the API's 400, with each field prefixed where the request nests it. */
export function invalid(problems: readonly ScheduleProblem[]): InvalidInput {
  return new InvalidInput(problems.map((problem) => ({ ...problem })));
}

export function needsBothParents(): Conflict {
  return new Conflict('The schedule needs both parents: the other parent has not joined the case yet.');
}
