export {
  PROPOSAL_ANSWERS,
  PROPOSAL_OUTCOMES,
  decideProposalAnswer,
  type AnswerableProposal,
  type DecidedProposalStatus,
  type ProposalAnswer,
  type ProposalAnswerDecision,
  type ProposalAnswerRefusal,
  type ProposalStatus,
} from './answer';
