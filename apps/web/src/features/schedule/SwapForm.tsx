import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';
import { shortDate, longDate } from './calendarDates';
import type { CalendarDay } from './MonthCalendar';

/** A swap request as the API takes it (POST .../swaps). */
export interface SwapBody {
  kind: 'give' | 'trade';
  giveDates: string[];
  takeDates: string[];
  note?: string;
}

const NOTE_MAX = 280;

/**
 * Ask the other parent to take some of your days (give), or to trade them for some of
 * theirs. Days are chosen from those on the calendar above that are still to come; the
 * request expires at the start of the first day it concerns.
 */
export function SwapForm({
  days,
  me,
  otherName,
  initialDate,
  busy,
  error,
  onRequest,
  onCancel,
}: {
  /** The days on the calendar (its month), with who has the children. */
  days: readonly CalendarDay[];
  me: string;
  otherName: string;
  /** A day chosen on the calendar, ticked at the start. */
  initialDate?: string;
  busy: boolean;
  error: ApiError | null;
  onRequest: (body: SwapBody) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const mine = days.filter((day) => day.parentId === me);
  const theirs = days.filter((day) => day.parentId !== null && day.parentId !== me);
  // A day of the other parent's, chosen on the calendar, can only be had in a trade.
  const [kind, setKind] = useState<'give' | 'trade'>(() =>
    theirs.some((day) => day.date === initialDate) ? 'trade' : 'give',
  );
  const [give, setGive] = useState<string[]>(() =>
    mine.filter((day) => day.date === initialDate).map((day) => day.date),
  );
  const [take, setTake] = useState<string[]>(() =>
    theirs.filter((day) => day.date === initialDate).map((day) => day.date),
  );
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (give.length === 0 && (kind === 'give' || take.length === 0))
      return setProblem(
        kind === 'give' ? 'Please tick the days you ask them to take.' : 'Please tick the days to trade.',
      );
    if (kind === 'trade' && (give.length === 0 || take.length === 0))
      return setProblem('A trade needs at least one of your days and one of theirs.');
    if (note.length > NOTE_MAX) return setProblem(`Please keep the note to ${NOTE_MAX} characters.`);
    setProblem(null);
    onRequest({
      kind,
      giveDates: [...give].sort(),
      takeDates: kind === 'trade' ? [...take].sort() : [],
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };

  return (
    <form className="terms-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Ask for a swap</h4>
      <p className="muted">
        {otherName} can accept or decline. If they accept, the calendar changes; a request not answered by the start of
        its first day lapses.
      </p>
      <fieldset>
        <legend>What you ask</legend>
        <label className="choice">
          <input type="radio" name={`${id}-kind`} checked={kind === 'give'} onChange={() => setKind('give')} />
          {otherName} takes some of your days
        </label>
        <label className="choice">
          <input type="radio" name={`${id}-kind`} checked={kind === 'trade'} onChange={() => setKind('trade')} />A
          trade: your days for some of theirs
        </label>
      </fieldset>
      <DayChoices
        legend="Your days they would have"
        days={mine}
        chosen={give}
        onChange={setGive}
        empty="None of your days this month are still to come."
        note={fieldMessage(error, 'giveDates')}
      />
      {kind === 'trade' && (
        <DayChoices
          legend={`${otherName}’s days you would have`}
          days={theirs}
          chosen={take}
          onChange={setTake}
          empty={`None of ${otherName}’s days this month are still to come.`}
          note={fieldMessage(error, 'takeDates')}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <p className="field__hint" id={`${id}-note-hint`}>
          The reason in a few words, for example: work trip.
        </p>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          aria-describedby={`${id}-note-hint`}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <p className="muted">Choose days of another month by moving the calendar.</p>
      <FormMessage>
        {problem ? (
          <p>{problem}</p>
        ) : (
          formLevelMessages(error, ['giveDates', 'takeDates']).map((message) => <p key={message}>{message}</p>)
        )}
      </FormMessage>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send the request'}
        </button>
        <button type="button" className="button--quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function DayChoices({
  legend,
  days,
  chosen,
  onChange,
  empty,
  note,
}: {
  legend: string;
  days: readonly CalendarDay[];
  chosen: readonly string[];
  onChange: (dates: string[]) => void;
  empty: string;
  note?: string;
}) {
  return (
    <fieldset className={note ? 'field--needs-attention' : undefined}>
      <legend>{legend}</legend>
      {days.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="swap-days">
          {days.map((day) => (
            <label className="choice" key={day.date}>
              <input
                type="checkbox"
                checked={chosen.includes(day.date)}
                aria-label={longDate(day.date)}
                onChange={(event) =>
                  onChange(event.target.checked ? [...chosen, day.date] : chosen.filter((date) => date !== day.date))
                }
              />
              <span aria-hidden="true">{shortDate(day.date)}</span>
            </label>
          ))}
        </div>
      )}
      {note && <p className="field__message">{note}</p>}
    </fieldset>
  );
}
