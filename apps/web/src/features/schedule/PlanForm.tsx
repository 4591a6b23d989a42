import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';
import { addDays, isIsoDate, isoWeekday, longDate, shortDate, WEEKDAYS } from './calendarDates';
import type { CalendarDay } from './MonthCalendar';
import { markOf, type ParentMark } from './parentMarks';
import { newPlanDraft, PATTERNS, planFromDraft, type PlanBody, type PlanDraft, type PlanDraftField } from './planForm';

const PREVIEW_WEEKS = 4;
const FIELDS: PlanDraftField[] = [
  'startDate',
  'exchangeTime',
  'firstParentId',
  'rotation',
  'weekendEndTime',
  'midweek',
  'place',
];

interface PlanFormProps {
  marks: readonly ParentMark[];
  today: string;
  /** Who has the children on each day of a range under this plan alone; null while the plan is incomplete. */
  preview: (plan: PlanBody, from: string, to: string) => CalendarDay[] | null;
  busy: boolean;
  error: ApiError | null;
  onPropose: (plan: PlanBody) => void;
  onCancel: () => void;
}

/**
 * Propose a parenting plan: pattern, start date, handover time and place, who starts, with
 * the coming weeks shown as they would be. The other parent accepts or declines it; until
 * then nothing changes.
 */
export function PlanForm({ marks, today, preview, busy, error, onPropose, onCancel }: PlanFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<PlanDraft>(() =>
    newPlanDraft(marks[0]?.parentId ?? '', addDays(today, 8 - isoWeekday(today))),
  );
  const [problems, setProblems] = useState<Partial<Record<PlanDraftField, string>>>({});
  const change = (update: Partial<PlanDraft>) => {
    const next = { ...draft, ...update };
    setDraft(next);
    if (Object.keys(problems).length > 0) {
      const checked = planFromDraft(next, today);
      setProblems(checked.ok ? {} : checked.problems);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = planFromDraft(draft, today);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems({});
    onPropose(checked.plan);
  };
  const note = (field: PlanDraftField) => problems[field] ?? fieldMessage(error, field);
  const pattern = PATTERNS.find((candidate) => candidate.value === draft.pattern) ?? PATTERNS[0];

  const checked = planFromDraft(draft, isIsoDate(draft.startDate) ? addDays(draft.startDate, -1) : today);
  const previewFrom = isIsoDate(draft.startDate) ? addDays(draft.startDate, 1 - isoWeekday(draft.startDate)) : null;
  const previewDays =
    checked.ok && previewFrom ? preview(checked.plan, previewFrom, addDays(previewFrom, PREVIEW_WEEKS * 7 - 1)) : null;

  return (
    <form className="terms-form plan-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Propose a plan</h4>
      <p className="muted">
        The other parent sees your proposal and can accept or decline it. Until they accept, the calendar stays as it
        is, and days before the start never change.
      </p>
      <div className="field">
        <label htmlFor={`${id}-pattern`}>Pattern</label>
        <select
          id={`${id}-pattern`}
          value={draft.pattern}
          aria-describedby={`${id}-pattern-hint`}
          onChange={(event) => change({ pattern: event.target.value as PlanDraft['pattern'] })}
        >
          {PATTERNS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <p className="field__hint" id={`${id}-pattern-hint`}>
          {pattern.explained}
        </p>
      </div>
      {draft.pattern === 'custom' && (
        <TextField
          label="Days in each stretch"
          hint="In turn, starting with the parent who starts: for example 4, 3 or 2, 2, 5, 5."
          value={draft.rotation}
          error={note('rotation')}
          inputMode="numeric"
          onChange={(rotation) => change({ rotation })}
        />
      )}
      <TextField
        label="Starts on"
        type="date"
        hint="A day after today."
        value={draft.startDate}
        error={note('startDate')}
        onChange={(startDate) => change({ startDate })}
      />
      <TextField
        label={draft.pattern === 'every-other-weekend' ? 'Handover time on Friday' : 'Handover time'}
        type="time"
        value={draft.exchangeTime}
        error={note('exchangeTime')}
        onChange={(exchangeTime) => change({ exchangeTime })}
      />
      {draft.pattern === 'every-other-weekend' && (
        <>
          <TextField
            label="Handover time on Sunday"
            type="time"
            value={draft.weekendEndTime}
            error={note('weekendEndTime')}
            onChange={(weekendEndTime) => change({ weekendEndTime })}
          />
          <fieldset className={note('midweek') ? 'field--needs-attention' : undefined}>
            <legend>A visit during the week</legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={draft.midweek}
                onChange={(event) => change({ midweek: event.target.checked })}
              />
              Add a weekly visit with the parent who has the weekends
            </label>
            {draft.midweek && (
              <div className="window-row">
                <span className="window-row__field">
                  <label htmlFor={`${id}-visit-day`}>Day</label>
                  <select
                    id={`${id}-visit-day`}
                    value={draft.midweekWeekday}
                    onChange={(event) => change({ midweekWeekday: event.target.value })}
                  >
                    {WEEKDAYS.slice(0, 4).map((weekday, index) => (
                      <option key={weekday.long} value={String(index + 1)}>
                        {weekday.long}
                      </option>
                    ))}
                  </select>
                </span>
                <span className="window-row__field">
                  <label htmlFor={`${id}-visit-from`}>From</label>
                  <input
                    id={`${id}-visit-from`}
                    type="time"
                    value={draft.midweekFrom}
                    onChange={(event) => change({ midweekFrom: event.target.value })}
                  />
                </span>
                <span className="window-row__field">
                  <label htmlFor={`${id}-visit-to`}>Until</label>
                  <input
                    id={`${id}-visit-to`}
                    type="time"
                    value={draft.midweekTo}
                    onChange={(event) => change({ midweekTo: event.target.value })}
                  />
                </span>
              </div>
            )}
            {note('midweek') && <p className="field__message">{note('midweek')}</p>}
          </fieldset>
        </>
      )}
      <fieldset className={note('firstParentId') ? 'field--needs-attention' : undefined}>
        <legend>
          {draft.pattern === 'every-other-weekend' ? 'Who has the weekends' : 'Who has the children first'}
        </legend>
        {marks.map((mark) => (
          <label className="choice" key={mark.parentId}>
            <input
              type="radio"
              name={`${id}-first`}
              checked={draft.firstParentId === mark.parentId}
              onChange={() => change({ firstParentId: mark.parentId })}
            />
            {mark.name}
          </label>
        ))}
        {note('firstParentId') && <p className="field__message">{note('firstParentId')}</p>}
      </fieldset>
      <TextField
        label="Handover place (optional)"
        hint="A few words, for example: school gate, library car park."
        value={draft.place}
        error={note('place')}
        onChange={(place) => change({ place })}
      />
      <PlanPreview days={previewDays} from={previewFrom} marks={marks} startDate={draft.startDate} id={id} />
      <FormMessage>
        {Object.keys(problems).length > 0
          ? [<p key="look">Some details need another look; see the notes next to them.</p>]
          : formLevelMessages(error, FIELDS).map((message) => <p key={message}>{message}</p>)}
      </FormMessage>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send the proposal'}
        </button>
        <button type="button" className="button--quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The first weeks under the proposed plan: each day with the letters and fill of the parent who has the children. */
export function PlanPreview({
  days,
  from,
  marks,
  startDate,
  id,
}: {
  days: CalendarDay[] | null;
  from: string | null;
  marks: readonly ParentMark[];
  startDate: string;
  id: string;
}) {
  if (!days || !from) {
    return (
      <p className="muted" id={`${id}-preview`}>
        The coming weeks are shown here once the plan is complete.
      </p>
    );
  }
  const byDate = new Map(days.map((day) => [day.date, day]));
  const weeks = Array.from({ length: PREVIEW_WEEKS }, (_, week) =>
    Array.from({ length: 7 }, (_, day) => addDays(from, week * 7 + day)),
  );
  return (
    <div className="preview-weeks">
      <table aria-labelledby={`${id}-preview-caption`}>
        <caption id={`${id}-preview-caption`} className="terms-label">
          The first {PREVIEW_WEEKS} weeks, from {longDate(startDate)}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Week from</span>
            </th>
            {WEEKDAYS.map((weekday) => (
              <th key={weekday.short} scope="col" abbr={weekday.long}>
                <span aria-hidden="true">{weekday.short.slice(0, 2)}</span>
                <span className="visually-hidden">{weekday.long}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              <th scope="row">{shortDate(week[0] ?? from).replace(/^\w+ /, '')}</th>
              {week.map((date) => {
                const before = date < startDate;
                const mark = before ? undefined : markOf(marks, byDate.get(date)?.parentId);
                return (
                  <td key={date} className={mark ? `calendar__day--${mark.style}` : undefined}>
                    <span aria-hidden="true">{mark?.letters ?? '·'}</span>
                    <span className="visually-hidden">
                      {longDate(date)}: {before ? 'before the plan starts' : mark ? `with ${mark.name}` : 'no one'}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
