import { useId, useMemo, useState } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages, problemSentence } from '../../components/formErrors';
import { useSubmission } from '../../components/useSubmission';
import { formatDateTime } from '../../format';
import { addDays, isoWeekday, shortDate } from './calendarDates';
import type { ParentMark } from './parentMarks';
import { PlanPreview } from './PlanForm';
import { previewPlan } from './planPreview';
import {
  answerOverride,
  answerPlan,
  answerSwap,
  applyAsCourtOrdered,
  type Override,
  type Plan,
  type PlanAnswer,
  type Schedule,
  type Swap,
  type SwapAnswer,
} from './scheduleApi';
import { firstDateOf, overrideInWords, planInWords, swapInWords } from './scheduleWords';

/**
 * What waits for an answer, first on the page: a proposed plan (with its first weeks) and
 * swap requests. The parent asked answers; the one who asked can withdraw.
 */
export function WaitingSection({
  caseId,
  schedule,
  swaps,
  overrides,
  marks,
  me,
  timeZone,
  onChanged,
}: {
  caseId: string;
  schedule: Schedule;
  swaps: readonly Swap[];
  overrides: readonly Override[];
  marks: readonly ParentMark[];
  me: string;
  timeZone: string;
  onChanged: () => void;
}) {
  const pendingSwaps = swaps.filter((swap) => swap.status === 'pending');
  const pendingOverrides = overrides.filter((override) => override.status === 'pending');
  const plan = schedule.pendingPlan;
  if (!plan && pendingSwaps.length === 0 && pendingOverrides.length === 0) return null;
  return (
    <section className="card" aria-labelledby="waiting-heading">
      <h3 id="waiting-heading">Waiting for an answer</h3>
      {plan && (
        <PendingPlan caseId={caseId} plan={plan} marks={marks} me={me} timeZone={timeZone} onChanged={onChanged} />
      )}
      {pendingOverrides.map((override) => (
        <PendingOverride
          key={override.id}
          caseId={caseId}
          override={override}
          marks={marks}
          me={me}
          onChanged={onChanged}
        />
      ))}
      {pendingSwaps.map((swap) => (
        <PendingSwap key={swap.id} caseId={caseId} swap={swap} marks={marks} me={me} onChanged={onChanged} />
      ))}
    </section>
  );
}

function PendingPlan({
  caseId,
  plan,
  marks,
  me,
  timeZone,
  onChanged,
}: {
  caseId: string;
  plan: Plan;
  marks: readonly ParentMark[];
  me: string;
  timeZone: string;
  onChanged: () => void;
}) {
  const api = useApiClient();
  const id = useId();
  const { busy, error, run } = useSubmission();
  const mine = plan.proposedBy === me;
  const proposer = marks.find((mark) => mark.parentId === plan.proposedBy)?.name ?? 'The other parent';
  const otherName = marks.find((mark) => mark.parentId !== me)?.name ?? 'the other parent';
  const from = addDays(plan.startDate, 1 - isoWeekday(plan.startDate));
  const parents = useMemo(() => [plan.firstParentId, plan.secondParentId] as const, [plan]);
  const days = previewPlan(
    {
      pattern: plan.pattern,
      startDate: plan.startDate,
      exchangeTime: plan.exchangeTime,
      firstParentId: plan.firstParentId,
      place: plan.place,
      ...(plan.rotation ? { rotation: plan.rotation } : {}),
      ...(plan.weekendEndTime ? { weekendEndTime: plan.weekendEndTime } : {}),
      ...(plan.midweekVisit ? { midweekVisit: plan.midweekVisit } : {}),
    },
    parents,
    timeZone,
    from,
    addDays(from, 27),
  );
  const answer = (choice: PlanAnswer) =>
    run(async () => {
      await answerPlan(api, caseId, plan.id, choice);
      onChanged();
    });
  return (
    <div className="terms-proposal" role="group" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{mine ? 'Your proposed plan' : `${proposer} proposes a plan`}</h4>
      <p>{planInWords(plan, marks)}</p>
      <p className="muted">
        Proposed {formatDateTime(plan.createdAt, timeZone)}. Nothing changes unless it is accepted; days before its
        start stay as they are.
      </p>
      <PlanPreview days={days} from={from} marks={marks} startDate={plan.startDate} id={id} />
      <FormMessage>{error && <p>{problemSentence(error)}</p>}</FormMessage>
      {mine && Date.now() >= new Date(plan.courtOrderAvailableAt).getTime() && (
        <CourtOrder caseId={caseId} plan={plan} otherName={otherName} onChanged={onChanged} />
      )}
      <div className="button-row">
        {mine ? (
          <>
            <p className="muted">Waiting for {otherName}&rsquo;s answer.</p>
            <button type="button" className="button--quiet" disabled={busy} onClick={() => void answer('withdraw')}>
              Withdraw the proposal
            </button>
          </>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => void answer('accept')}>
              Accept the plan
            </button>
            <button type="button" className="button--quiet" disabled={busy} onClick={() => void answer('decline')}>
              Decline
            </button>
          </>
        )}
      </div>
    </div>
  );
}

function PendingSwap({
  caseId,
  swap,
  marks,
  me,
  onChanged,
}: {
  caseId: string;
  swap: Swap;
  marks: readonly ParentMark[];
  me: string;
  onChanged: () => void;
}) {
  const api = useApiClient();
  const id = useId();
  const { busy, error, run } = useSubmission();
  const [reason, setReason] = useState('');
  const mine = swap.requestedBy === me;
  const answer = (choice: SwapAnswer) =>
    run(async () => {
      await answerSwap(api, caseId, swap.id, choice, reason.trim() || undefined);
      onChanged();
    });
  return (
    <div className="terms-proposal" role="group" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{mine ? 'Your swap request' : 'A swap request'}</h4>
      <p>{swapInWords(swap, marks, me)}</p>
      {swap.note && <p>Note: &ldquo;{swap.note}&rdquo;</p>}
      <p className="muted">Lapses if not answered by the start of {shortDate(firstDateOf(swap))}.</p>
      {!mine && (
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason (optional)</label>
          <p className="field__hint" id={`${id}-reason-hint`}>
            Recorded with your answer. A few facts are enough.
          </p>
          <input
            id={`${id}-reason`}
            type="text"
            maxLength={280}
            value={reason}
            aria-describedby={`${id}-reason-hint`}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
      )}
      <FormMessage>{error && <p>{problemSentence(error)}</p>}</FormMessage>
      <div className="button-row">
        {mine ? (
          <button type="button" className="button--quiet" disabled={busy} onClick={() => void answer('withdraw')}>
            Withdraw the request
          </button>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => void answer('accept')}>
              Accept the swap
            </button>
            <button type="button" className="button--quiet" disabled={busy} onClick={() => void answer('decline')}>
              Decline
            </button>
          </>
        )}
      </div>
    </div>
  );
}

function PendingOverride({
  caseId,
  override,
  marks,
  me,
  onChanged,
}: {
  caseId: string;
  override: Override;
  marks: readonly ParentMark[];
  me: string;
  onChanged: () => void;
}) {
  const api = useApiClient();
  const id = useId();
  const { busy, error, run } = useSubmission();
  const mine = override.proposedBy === me;
  const proposer = marks.find((mark) => mark.parentId === override.proposedBy)?.name ?? 'The other parent';
  const answer = (choice: PlanAnswer) =>
    run(async () => {
      await answerOverride(api, caseId, override.id, choice);
      onChanged();
    });
  return (
    <div className="terms-proposal" role="group" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{mine ? 'Your proposed change' : `${proposer} proposes a change`}</h4>
      <p>{overrideInWords(override, marks)}</p>
      <FormMessage>{error && <p>{problemSentence(error)}</p>}</FormMessage>
      <div className="button-row">
        {mine ? (
          <button type="button" className="button--quiet" disabled={busy} onClick={() => void answer('withdraw')}>
            Withdraw the proposal
          </button>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => void answer('accept')}>
              Accept the change
            </button>
            <button type="button" className="button--quiet" disabled={busy} onClick={() => void answer('decline')}>
              Decline
            </button>
          </>
        )}
      </div>
    </div>
  );
}

/**
 * A plan left unanswered for 14 days can be applied by its proposer as ordered by a court,
 * naming the order; the record says the other parent never answered.
 */
function CourtOrder({
  caseId,
  plan,
  otherName,
  onChanged,
}: {
  caseId: string;
  plan: Plan;
  otherName: string;
  onChanged: () => void;
}) {
  const api = useApiClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState('');
  const [date, setDate] = useState('');
  const { busy, error, run } = useSubmission();
  if (!open)
    return (
      <p>
        {otherName} has not answered for 14 days. If a court has ordered this plan, you can apply it.{' '}
        <button type="button" className="button--link" onClick={() => setOpen(true)}>
          Apply it as court-ordered
        </button>
      </p>
    );
  return (
    <form
      className="terms-form"
      noValidate
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await applyAsCourtOrdered(api, caseId, plan.id, { orderReference: reference.trim(), orderDate: date });
          onChanged();
        });
      }}
    >
      <h5 id={`${id}-heading`}>Apply as court-ordered</h5>
      <p className="muted">
        The record will say that {otherName} never answered. {otherName} can still record a dispute beside it.
      </p>
      <TextField
        label="Order reference"
        value={reference}
        error={fieldMessage(error, 'orderReference')}
        onChange={setReference}
      />
      <TextField
        label="Date of the order"
        type="date"
        value={date}
        error={fieldMessage(error, 'orderDate')}
        onChange={setDate}
      />
      <FormMessage>
        {formLevelMessages(error, ['orderReference', 'orderDate']).map((message) => (
          <p key={message}>{message}</p>
        ))}
      </FormMessage>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          Apply the plan
        </button>
        <button type="button" className="button--quiet" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
