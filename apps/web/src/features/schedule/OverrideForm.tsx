import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';
import { isIsoDate } from './calendarDates';
import type { ParentMark } from './parentMarks';

export const OVERRIDE_KIND_OPTIONS = [
  { value: 'holiday', label: 'Holiday' },
  { value: 'vacation', label: 'Vacation' },
  { value: 'court-order', label: 'Court order' },
  { value: 'other', label: 'Something else' },
] as const;

/** An override as the API takes it (POST .../schedule/overrides). */
export interface OverrideBody {
  kind: (typeof OVERRIDE_KIND_OPTIONS)[number]['value'];
  reason: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  parentId: string;
  alternateYears: boolean;
  place?: string;
}

type Field = 'reason' | 'startDate' | 'startTime' | 'endDate' | 'endTime' | 'parentId' | 'place';
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks what can be put right while typing; the API checks the rest (overlaps, a start in the past). */
export function overrideFromDraft(
  draft: OverrideBody,
  today: string,
): { ok: true; body: OverrideBody } | { ok: false; problems: Partial<Record<Field, string>> } {
  const problems: Partial<Record<Field, string>> = {};
  if (!draft.reason.trim()) problems.reason = 'Please say what it is for, in a few words.';
  else if (draft.reason.length > 200) problems.reason = 'Please keep it to 200 characters.';
  if (!isIsoDate(draft.startDate)) problems.startDate = 'Please choose the first day.';
  else if (draft.startDate <= today) problems.startDate = 'Changes start from a future day; the past stays as it was.';
  if (!TIME.test(draft.startTime)) problems.startTime = 'Please give a time, for example 10:00.';
  if (!isIsoDate(draft.endDate)) problems.endDate = 'Please choose the last day.';
  else if (isIsoDate(draft.startDate) && `${draft.endDate}T${draft.endTime}` <= `${draft.startDate}T${draft.startTime}`)
    problems.endDate = 'The end comes after the start.';
  if (!TIME.test(draft.endTime)) problems.endTime = 'Please give a time, for example 10:00.';
  if (!draft.parentId) problems.parentId = 'Please choose who has the children.';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const { place, ...rest } = draft;
  return {
    ok: true,
    body: { ...rest, reason: draft.reason.trim(), ...(place?.trim() ? { place: place.trim() } : {}) },
  };
}

/**
 * Propose a holiday, vacation or other block that takes precedence over the plan, with who
 * has the children and why; the other parent accepts or declines it.
 */
export function OverrideForm({
  marks,
  today,
  busy,
  error,
  onPropose,
  onCancel,
}: {
  marks: readonly ParentMark[];
  today: string;
  busy: boolean;
  error: ApiError | null;
  onPropose: (body: OverrideBody) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<OverrideBody>({
    kind: 'holiday',
    reason: '',
    startDate: '',
    startTime: '10:00',
    endDate: '',
    endTime: '10:00',
    parentId: marks[0]?.parentId ?? '',
    alternateYears: false,
    place: '',
  });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const change = (update: Partial<OverrideBody>) => {
    const next = { ...draft, ...update };
    setDraft(next);
    if (Object.keys(problems).length > 0) {
      const checked = overrideFromDraft(next, today);
      setProblems(checked.ok ? {} : checked.problems);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = overrideFromDraft(draft, today);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems({});
    onPropose(checked.body);
  };
  const note = (field: Field) => problems[field] ?? fieldMessage(error, field);
  return (
    <form className="terms-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Propose a holiday or other change</h4>
      <p className="muted">It takes precedence over the plan for those days once the other parent accepts.</p>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={draft.kind}
          onChange={(event) => change({ kind: event.target.value as OverrideBody['kind'] })}
        >
          {OVERRIDE_KIND_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label="What it is for"
        hint="For example: Christmas, summer in Spain."
        value={draft.reason}
        error={note('reason')}
        onChange={(reason) => change({ reason })}
      />
      <fieldset className={note('parentId') ? 'field--needs-attention' : undefined}>
        <legend>Who has the children</legend>
        {marks.map((mark) => (
          <label className="choice" key={mark.parentId}>
            <input
              type="radio"
              name={`${id}-parent`}
              checked={draft.parentId === mark.parentId}
              onChange={() => change({ parentId: mark.parentId })}
            />
            {mark.name}
          </label>
        ))}
      </fieldset>
      <div className="window-row">
        <TextField
          label="First day"
          type="date"
          value={draft.startDate}
          error={note('startDate')}
          onChange={(startDate) => change({ startDate })}
        />
        <TextField
          label="Starting at"
          type="time"
          value={draft.startTime}
          error={note('startTime')}
          onChange={(startTime) => change({ startTime })}
        />
      </div>
      <div className="window-row">
        <TextField
          label="Last day"
          type="date"
          value={draft.endDate}
          error={note('endDate')}
          onChange={(endDate) => change({ endDate })}
        />
        <TextField
          label="Ending at"
          type="time"
          value={draft.endTime}
          error={note('endTime')}
          onChange={(endTime) => change({ endTime })}
        />
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.alternateYears}
          onChange={(event) => change({ alternateYears: event.target.checked })}
        />
        Every year on these dates, the parents taking turns
      </label>
      <TextField
        label="Handover place (optional)"
        hint="If not the usual place."
        value={draft.place ?? ''}
        error={note('place')}
        onChange={(place) => change({ place })}
      />
      <FormMessage>
        {Object.keys(problems).length > 0
          ? [<p key="look">Some details need another look; see the notes next to them.</p>]
          : formLevelMessages(error, [
              'reason',
              'startDate',
              'startTime',
              'endDate',
              'endTime',
              'parentId',
              'place',
            ]).map((message) => <p key={message}>{message}</p>)}
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
