import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../../components/Field';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryView } from '../../components/QueryView';
import { firstOfMonth, isIsoDate, lastOfMonth, longDate } from './calendarDates';
import type { ParentMark } from './parentMarks';
import { getTimeShare } from './scheduleApi';
import { TimeShareTable } from './TimeShareTable';

/**
 * Time shares for a range the parent chooses (the month on the calendar at first):
 * overnights, hours and percent, as planned and as lived.
 */
export function TimeShareSection({
  caseId,
  marks,
  month,
  today,
  changes,
}: {
  caseId: string;
  marks: readonly ParentMark[];
  month: string;
  today: string;
  /** Counts changes to the schedule, so the figures are read again after each. */
  changes: number;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(null);
  const [draft, setDraft] = useState({ from: '', to: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const range = chosen ?? { from: firstOfMonth(month), to: lastOfMonth(month) };
  const share = useApiQuery(['time-share', caseId, range.from, range.to, changes], (client) =>
    getTimeShare(client, caseId, range.from, range.to),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isIsoDate(draft.from) || !isIsoDate(draft.to)) return setProblem('Please choose both days.');
    if (draft.to < draft.from) return setProblem('The last day comes after the first.');
    setProblem(null);
    setChosen({ ...draft });
  };
  const year = today.slice(0, 4);
  return (
    <section className="card time-share" aria-labelledby="share-heading">
      <h3 id="share-heading">Time shares</h3>
      <p className="muted">
        Overnights are the figure child-support worksheets use. &ldquo;As lived&rdquo; counts swaps and other agreed
        changes; &ldquo;as planned&rdquo; the plan alone.
      </p>
      <QueryView query={share} loading="Counting…" failed="The time shares could not be counted.">
        {(loaded) =>
          loaded.parents.every((entry) => entry.overnights === 0) && loaded.unscheduledDays > 0 ? (
            <p>
              No plan applies to {longDate(loaded.from)} to {longDate(loaded.to)} yet, so there is nothing to count.
            </p>
          ) : (
            <>
              <TimeShareTable
                caption={`${longDate(loaded.from)} to ${longDate(loaded.to)}`}
                marks={marks}
                planned={loaded.planned.parents}
                lived={loaded.parents}
              />
              {loaded.unscheduledDays > 0 && (
                <p className="muted">
                  {loaded.unscheduledDays} {loaded.unscheduledDays === 1 ? 'day has' : 'days have'} no plan and{' '}
                  {loaded.unscheduledDays === 1 ? 'is' : 'are'} not counted.
                </p>
              )}
            </>
          )
        }
      </QueryView>
      <form onSubmit={submit} noValidate aria-labelledby={`${id}-legend`} className="terms-form">
        <h4 id={`${id}-legend`}>Another range</h4>
        <div className="button-row">
          <button type="button" className="button--quiet" onClick={() => setChosen(null)}>
            The month shown
          </button>
          <button
            type="button"
            className="button--quiet"
            onClick={() => setChosen({ from: `${year}-01-01`, to: `${year}-12-31` })}
          >
            All of {year}
          </button>
        </div>
        <TextField label="From" type="date" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
        <TextField label="To (included)" type="date" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        <p role="status" className="field__message">
          {problem ?? ''}
        </p>
        <button type="submit">Count these days</button>
      </form>
    </section>
  );
}
