import { decideProposalAnswer, type ProposalAnswer, type ProposalStatus } from './answer';

const PROPOSER = 'parent-a';
const OTHER = 'parent-b';

describe('decideProposalAnswer', () => {
  it.each<[string, ProposalStatus, ProposalAnswer, string, ReturnType<typeof decideProposalAnswer>]>([
    // Pending: each answer from each parent.
    ['the other parent accepts', 'pending', 'accept', OTHER, { ok: true, status: 'accepted' }],
    ['the other parent declines', 'pending', 'decline', OTHER, { ok: true, status: 'declined' }],
    ['the proposer withdraws', 'pending', 'withdraw', PROPOSER, { ok: true, status: 'withdrawn' }],
    ['the proposer accepts their own', 'pending', 'accept', PROPOSER, { ok: false, reason: 'proposer_cannot_answer' }],
    ['the proposer declines their own', 'pending', 'decline', PROPOSER, { ok: false, reason: 'proposer_cannot_answer' }],
    ['the other parent withdraws it', 'pending', 'withdraw', OTHER, { ok: false, reason: 'only_proposer_withdraws' }],
    // Decided: nothing answers it again, whoever asks, and the refusal says how it ended.
    ['accepting an accepted one', 'accepted', 'accept', OTHER, { ok: false, reason: 'not_pending', status: 'accepted' }],
    ['declining an accepted one', 'accepted', 'decline', OTHER, { ok: false, reason: 'not_pending', status: 'accepted' }],
    ['withdrawing an accepted one', 'accepted', 'withdraw', PROPOSER, { ok: false, reason: 'not_pending', status: 'accepted' }],
    ['accepting a declined one', 'declined', 'accept', OTHER, { ok: false, reason: 'not_pending', status: 'declined' }],
    ['withdrawing a declined one', 'declined', 'withdraw', PROPOSER, { ok: false, reason: 'not_pending', status: 'declined' }],
    ['accepting a withdrawn one', 'withdrawn', 'accept', OTHER, { ok: false, reason: 'not_pending', status: 'withdrawn' }],
    ['withdrawing a withdrawn one', 'withdrawn', 'withdraw', PROPOSER, { ok: false, reason: 'not_pending', status: 'withdrawn' }],
    // A decided proposal is refused as decided before any question of who asks.
    ['the proposer accepting a declined one', 'declined', 'accept', PROPOSER, { ok: false, reason: 'not_pending', status: 'declined' }],
    ['the other parent withdrawing an accepted one', 'accepted', 'withdraw', OTHER, { ok: false, reason: 'not_pending', status: 'accepted' }],
  ])('%s', (_name, status, answer, answeredBy, expected) => {
    expect(decideProposalAnswer({ status, proposedBy: PROPOSER }, answer, answeredBy)).toEqual(expected);
  });

  it('reads any non-pending status in a subject’s own words as decided', () => {
    type ExpenseStatus = 'approved' | 'disputed' | 'withdrawn' | 'paid';
    const expense: { status: 'pending' | ExpenseStatus; proposedBy: string } = { status: 'disputed', proposedBy: PROPOSER };
    const decision = decideProposalAnswer<ExpenseStatus>(expense, 'accept', OTHER);
    expect(decision).toEqual({ ok: false, reason: 'not_pending', status: 'disputed' });
    const pending = decideProposalAnswer<ExpenseStatus>({ status: 'pending', proposedBy: PROPOSER }, 'decline', OTHER);
    expect(pending).toEqual({ ok: true, status: 'declined' });
  });
});
