import { useApiClient } from '../../api/ApiClientContext';
import { useSubmission } from '../../components/useSubmission';
import { dateIn, longDate, shortDate, timeIn } from './calendarDates';
import { CheckInForm, checkInInWords } from './CheckInForm';
import { handoverInWords, type CalendarDay } from './MonthCalendar';
import { markOf, type ParentMark } from './parentMarks';
import { checkIn, type Exchange } from './scheduleApi';

/** A check-in opens an hour before its handover and stays open a week after it (the API decides; this only offers it). */
const OPENS_BEFORE_MS = 60 * 60_000;
const CLOSES_AFTER_MS = 7 * 24 * 60 * 60_000;

/**
 * The day chosen on the calendar: who has the children, what changed the plan, each
 * handover with its time and place and the check-ins recorded.
 */
export function DayDetails({
  caseId,
  date,
  day,
  exchanges,
  marks,
  me,
  today,
  timeZone,
  onChanged,
  onAskSwap,
}: {
  caseId: string;
  date: string;
  day: CalendarDay | undefined;
  exchanges: readonly Exchange[];
  marks: readonly ParentMark[];
  me: string;
  today: string;
  timeZone: string;
  onChanged: () => void;
  /** Opens the swap form with this day ticked; absent where no swap can be asked for. */
  onAskSwap?: () => void;
}) {
  const mark = markOf(marks, day?.parentId);
  return (
    <section className="card day-details" aria-labelledby="day-heading">
      <h3 id="day-heading">
        {longDate(date)}
        {date === today ? ' (today)' : ''}
      </h3>
      <p>
        {mark ? (
          <>
            The children are with <strong>{mark.parentId === me ? 'you' : mark.name}</strong> that night.
          </>
        ) : (
          'No plan applies to this day.'
        )}
        {day?.change ? ` ${day.change}.` : ''}
      </p>
      {exchanges.length > 0 && (
        <ul className="handover-list" aria-label="Handovers this day">
          {exchanges.map((exchange) => (
            <HandoverItem
              key={exchange.id}
              caseId={caseId}
              exchange={exchange}
              marks={marks}
              me={me}
              timeZone={timeZone}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {onAskSwap && mark && date > today && (
        <button type="button" className="button--quiet" onClick={onAskSwap}>
          {mark.parentId === me
            ? `Ask ${marks.find((candidate) => candidate.parentId !== me)?.name ?? 'the other parent'} to take this day`
            : 'Ask to trade for this day'}
        </button>
      )}
    </section>
  );
}

/** Whether the caller may record a check-in for this handover now (the API decides; this only offers it). */
export function checkInOpen(exchange: Exchange, me: string, now: number): boolean {
  const at = new Date(exchange.at).getTime();
  const mine = exchange.checkIns.some((entry) => entry.recordedBy === me);
  return !mine && now >= at - OPENS_BEFORE_MS && now <= at + CLOSES_AFTER_MS;
}

/**
 * The handovers whose check-in is open for the caller, first on the page, so that on a phone
 * a check-in is two taps from opening the schedule: how it went, then Record.
 */
export function CheckInDue({
  caseId,
  exchanges,
  marks,
  me,
  timeZone,
  onChanged,
}: {
  caseId: string;
  exchanges: readonly Exchange[];
  marks: readonly ParentMark[];
  me: string;
  timeZone: string;
  onChanged: () => void;
}) {
  const now = Date.now();
  const due = exchanges.filter((exchange) => checkInOpen(exchange, me, now));
  if (due.length === 0) return null;
  return (
    <section className="card" aria-labelledby="check-in-heading">
      <h3 id="check-in-heading">Check in</h3>
      <p className="muted">For the record: how the handover went, as it happened.</p>
      <ul className="handover-list">
        {due.map((exchange) => (
          <HandoverItem
            key={exchange.id}
            caseId={caseId}
            exchange={exchange}
            marks={marks}
            me={me}
            timeZone={timeZone}
            onChanged={onChanged}
            withDate
            withForm
          />
        ))}
      </ul>
    </section>
  );
}

function HandoverItem({
  caseId,
  exchange,
  marks,
  me,
  timeZone,
  onChanged,
  withDate = false,
  withForm = false,
}: {
  caseId: string;
  exchange: Exchange;
  marks: readonly ParentMark[];
  me: string;
  timeZone: string;
  onChanged: () => void;
  /** Names the day too ("Fri 4 Dec: Handover at …"), where the list is not one day's. */
  withDate?: boolean;
  /** The check-in form, where the page offers it (the "Check in" card). */
  withForm?: boolean;
}) {
  const api = useApiClient();
  const { busy, error, run } = useSubmission();
  const words = handoverInWords(
    {
      date: '',
      time: timeIn(exchange.at, timeZone),
      fromParentId: exchange.fromParentId,
      toParentId: exchange.toParentId,
      place: exchange.place,
    },
    marks,
  );
  const at = new Date(exchange.at).getTime();
  const now = Date.now();
  const mine = exchange.checkIns.some((entry) => entry.recordedBy === me);
  const open = checkInOpen(exchange, me, now);
  return (
    <li>
      <p className="handover__time">
        {withDate ? `${shortDate(dateIn(exchange.at, timeZone))}: ` : ''}
        {words}.
      </p>
      {exchange.checkIns.length > 0 && (
        <ul className="plain-list" aria-label="Check-ins">
          {exchange.checkIns.map((entry) => (
            <li key={entry.id}>
              {entry.recordedBy === me ? 'You' : (markOf(marks, entry.recordedBy)?.name ?? 'The other parent')}:{' '}
              <strong>{checkInInWords(entry.status, entry.lateMinutes)}</strong>
              {entry.note ? ` — “${entry.note}”` : ''}{' '}
              <span className="muted">
                (recorded {shortDate(dateIn(entry.createdAt, timeZone))} {timeIn(entry.createdAt, timeZone)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {open && !withForm ? (
        <p>
          <a href="#check-in-heading">Check in at the top of the page</a>
        </p>
      ) : open ? (
        <CheckInForm
          handoverLabel={words}
          busy={busy}
          error={error}
          onRecord={(body) =>
            void run(async () => {
              await checkIn(api, caseId, exchange.id, body);
              onChanged();
            })
          }
        />
      ) : (
        !mine && now < at - OPENS_BEFORE_MS && <p className="muted">A check-in can be recorded from an hour before.</p>
      )}
    </li>
  );
}
