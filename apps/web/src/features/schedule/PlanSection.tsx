import { useId, useState } from 'react';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';
import { useApiClient } from '../../api/ApiClientContext';
import { useSubmission } from '../../components/useSubmission';
import { longDate } from './calendarDates';
import type { ParentMark } from './parentMarks';
import { PlanForm } from './PlanForm';
import { previewPlan } from './planPreview';
import { disputePlan, proposePlan, type Plan } from './scheduleApi';
import { planInWords } from './scheduleWords';

/**
 * The parenting plan: the plans in force over the month shown, in words (a court-ordered
 * one says so, with any dispute beside it), and a new plan to propose.
 */
export function PlanSection({
  caseId,
  plans,
  pendingPlan,
  marks,
  me,
  today,
  timeZone,
  onChanged,
}: {
  caseId: string;
  plans: readonly Plan[];
  pendingPlan: Plan | null;
  marks: readonly ParentMark[];
  me: string;
  today: string;
  timeZone: string;
  onChanged: () => void;
}) {
  const api = useApiClient();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useSubmission();
  const parents = marks.length === 2 ? ([marks[0]!.parentId, marks[1]!.parentId] as const) : null;
  return (
    <section className="card" aria-labelledby="plan-heading">
      <h3 id="plan-heading">Parenting plan</h3>
      {plans.length === 0 ? (
        <p>No plan applies to this month.</p>
      ) : (
        <ul className="plain-list">
          {plans.map((plan) => (
            <li key={plan.id}>
              {planInWords(plan, marks)}
              {plan.courtOrder && (
                <p className="muted">
                  Applied as court-ordered (order {plan.courtOrder.reference} of {longDate(plan.courtOrder.date)}):{' '}
                  {plan.proposedBy === me
                    ? (marks.find((mark) => mark.parentId !== me)?.name ?? 'the other parent')
                    : 'you'}{' '}
                  did not answer the proposal.
                </p>
              )}
              {plan.disputes.map((dispute) => (
                <p key={dispute.at} className="muted">
                  Disputed by {marks.find((mark) => mark.parentId === dispute.disputedBy)?.name ?? 'a parent'}: &ldquo;
                  {dispute.reason}&rdquo;
                </p>
              ))}
              {plan.courtOrder &&
                plan.proposedBy !== me &&
                !plan.disputes.some((dispute) => dispute.disputedBy === me) && (
                  <DisputeForm caseId={caseId} planId={plan.id} onChanged={onChanged} />
                )}
            </li>
          ))}
        </ul>
      )}
      <p role="status">
        {sent && !open && pendingPlan ? 'Your proposal is sent. It is shown at the top until it is answered.' : ''}
      </p>
      {!parents ? (
        <p>A plan can be proposed once the other parent has joined.</p>
      ) : pendingPlan ? (
        <p className="muted">
          A proposed plan is waiting for an answer; a new one can be proposed after it is answered or withdrawn.
        </p>
      ) : open ? (
        <PlanForm
          marks={marks}
          today={today}
          preview={(plan, from, to) => previewPlan(plan, parents, timeZone, from, to)}
          busy={busy}
          error={error}
          onCancel={() => setOpen(false)}
          onPropose={(plan) =>
            void run(async () => {
              await proposePlan(api, caseId, plan);
              setOpen(false);
              setSent(true);
              onChanged();
            })
          }
        />
      ) : (
        <button
          type="button"
          className="button--quiet"
          onClick={() => {
            setSent(false);
            setOpen(true);
          }}
        >
          {plans.length === 0 ? 'Propose a plan' : 'Propose a new plan'}
        </button>
      )}
    </section>
  );
}

/** The parent who never answered can record that they dispute a plan applied as court-ordered; it stays in force. */
function DisputeForm({ caseId, planId, onChanged }: { caseId: string; planId: string; onChanged: () => void }) {
  const api = useApiClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmission();
  if (!open)
    return (
      <button type="button" className="button--quiet" onClick={() => setOpen(true)}>
        Record a dispute
      </button>
    );
  return (
    <form
      className="terms-form"
      noValidate
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await disputePlan(api, caseId, planId, reason.trim());
          setOpen(false);
          onChanged();
        });
      }}
    >
      <h4 id={`${id}-heading`}>Record a dispute</h4>
      <p className="muted">It is kept in the record beside the plan; the plan stays in force.</p>
      <TextField
        label="Why, in a few facts"
        value={reason}
        maxLength={280}
        error={fieldMessage(error, 'reason')}
        onChange={setReason}
      />
      <FormMessage>
        {formLevelMessages(error, ['reason']).map((message) => (
          <p key={message}>{message}</p>
        ))}
      </FormMessage>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          Record the dispute
        </button>
        <button type="button" className="button--quiet" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
