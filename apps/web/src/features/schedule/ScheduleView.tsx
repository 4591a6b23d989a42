import { useCallback, useMemo, useState } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { ApiClient } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryView } from '../../components/QueryView';
import { useSession } from '../auth/SessionProvider';
import { useCurrentCase } from '../cases/CaseLayout';
import { LiveStatus } from '../live/LiveStatus';
import { useCaseEvents } from '../live/useCaseEvents';
import {
  addMonths,
  dateIn,
  firstOfMonth,
  lastOfMonth,
  monthOf,
  monthTitle,
  shortDate,
  timeIn,
  todayIn,
} from './calendarDates';
import { CheckInDue, DayDetails } from './DayDetails';
import { FeedSection } from './FeedSection';
import { CalendarKey, handoverInWords, MonthCalendar, type CalendarDay, type CalendarHandover } from './MonthCalendar';
import { parentMarks } from './parentMarks';
import { PlanSection } from './PlanSection';
import { getSchedule, listOverrides, listSwaps, type Override, type Schedule, type Swap } from './scheduleApi';
import { OverrideSection } from './OverrideSection';
import { dayChange } from './scheduleWords';
import { SwapSection } from './SwapSection';
import { TimeShareSection } from './TimeShareSection';
import { WaitingSection } from './WaitingSection';
import './schedule.css';

/** What the page reads for one month: the schedule of its days, and every swap request and override (any month). */
interface MonthData {
  schedule: Schedule;
  swaps: Swap[];
  overrides: Override[];
}

function readMonth(api: ApiClient, caseId: string, month: string): Promise<MonthData> {
  return Promise.all([
    getSchedule(api, caseId, firstOfMonth(month), lastOfMonth(month)),
    listSwaps(api, caseId),
    listOverrides(api, caseId),
  ]).then(([schedule, swaps, overrides]) => ({ schedule, swaps, overrides }));
}

/**
 * The schedule's screens (loaded apart from the first page: they bring the domain's calendar
 * code and Luxon): who has the children each day and each handover, at a glance; check-ins,
 * swap requests, the parenting plan, holidays, time shares and the calendar link. What the
 * other parent proposes or answers appears by itself.
 */
export default function ScheduleView() {
  const item = useCurrentCase();
  const api = useApiClient();
  const { user } = useSession();
  const me = user?.id ?? '';
  const timeZone = item.timeZone;
  const today = todayIn(timeZone);
  const [selected, setSelected] = useState(today);
  const [swapOpen, setSwapOpen] = useState(false);
  const month = monthOf(selected);
  const marks = useMemo(() => parentMarks(item.parents), [item.parents]);
  const other = marks.find((mark) => mark.parentId !== me);

  const data = useApiQuery(['schedule', item.id, month], (client) => readMonth(client, item.id, month));
  const { setData } = data;
  const [changes, setChanges] = useState(0);
  const refresh = useCallback(() => {
    readMonth(api, item.id, month).then(setData, () => undefined);
    setChanges((count) => count + 1);
  }, [api, item.id, month, setData]);
  const { connected } = useCaseEvents(
    item.id,
    (event) => {
      if (event.name.startsWith('schedule')) refresh();
    },
    { onReconnect: refresh },
  );

  return (
    <section aria-labelledby="schedule-heading" className="schedule">
      <h2 id="schedule-heading">Schedule</h2>
      <p className="intro">
        Who has the children each day, and each handover. Times are in {timeZone}. The plan and any change to it apply
        only when both of you agree.
      </p>
      <LiveStatus connected={connected} />
      <QueryView query={data} loading="Loading the schedule…" failed="The schedule could not be loaded.">
        {({ schedule, swaps, overrides }) => {
          const days: CalendarDay[] = schedule.days.map((day) => ({
            date: day.date,
            parentId: day.parentId,
            change: dayChange(day, schedule.overrides),
          }));
          const handovers: CalendarHandover[] = schedule.exchanges.map((exchange) => ({
            date: dateIn(exchange.at, timeZone),
            time: timeIn(exchange.at, timeZone),
            fromParentId: exchange.fromParentId,
            toParentId: exchange.toParentId,
            place: exchange.place,
          }));
          const selectedDay = days.find((day) => day.date === selected);
          return (
            <>
              <WaitingSection
                caseId={item.id}
                schedule={schedule}
                swaps={swaps}
                overrides={overrides}
                marks={marks}
                me={me}
                timeZone={timeZone}
                onChanged={refresh}
              />
              <CheckInDue
                caseId={item.id}
                exchanges={schedule.exchanges}
                marks={marks}
                me={me}
                timeZone={timeZone}
                onChanged={refresh}
              />
              <div className="schedule-layout">
                <section className="card" aria-labelledby="calendar-heading">
                  <h3 id="calendar-heading" className="visually-hidden">
                    Calendar
                  </h3>
                  <div className="calendar-nav">
                    <MonthButton month={addMonths(month, -1)} direction="previous" onClick={setSelected} />
                    <button type="button" className="button--quiet" onClick={() => setSelected(today)}>
                      Today
                    </button>
                    <MonthButton month={addMonths(month, 1)} direction="next" onClick={setSelected} />
                  </div>
                  <MonthCalendar
                    id="schedule-calendar"
                    selected={selected}
                    onSelect={setSelected}
                    days={days}
                    handovers={handovers}
                    marks={marks}
                    today={today}
                  />
                  <p className="muted calendar-help">
                    Use the arrow keys to move between days; Page Up and Page Down change the month.
                  </p>
                  <CalendarKey marks={marks} />
                </section>
                <DayDetails
                  caseId={item.id}
                  date={selected}
                  day={selectedDay}
                  exchanges={schedule.exchanges.filter((exchange) => dateIn(exchange.at, timeZone) === selected)}
                  marks={marks}
                  me={me}
                  today={today}
                  timeZone={timeZone}
                  onChanged={refresh}
                  onAskSwap={other ? () => setSwapOpen(true) : undefined}
                />
              </div>
              <section className="card" aria-labelledby="handovers-heading">
                <h3 id="handovers-heading">Handovers in {monthTitle(month)}</h3>
                {handovers.length === 0 ? (
                  <p className="muted">No handovers this month.</p>
                ) : (
                  <ul className="handover-list">
                    {handovers.map((handover) => (
                      <li key={`${handover.date}-${handover.time}`}>
                        <button type="button" className="button--link" onClick={() => setSelected(handover.date)}>
                          {shortDate(handover.date)}
                        </button>{' '}
                        {handoverInWords(handover, marks)}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <PlanSection
                caseId={item.id}
                plans={schedule.plans}
                pendingPlan={schedule.pendingPlan}
                marks={marks}
                me={me}
                today={today}
                timeZone={timeZone}
                onChanged={refresh}
              />
              <OverrideSection caseId={item.id} overrides={overrides} marks={marks} today={today} onChanged={refresh} />
              <SwapSection
                caseId={item.id}
                days={days.filter((day) => day.date > today)}
                swaps={swaps}
                marks={marks}
                me={me}
                otherName={other?.name}
                selected={selected}
                monthLabel={monthTitle(month)}
                open={swapOpen}
                onOpenChange={setSwapOpen}
                onChanged={refresh}
              />
            </>
          );
        }}
      </QueryView>
      <TimeShareSection caseId={item.id} marks={marks} month={month} today={today} changes={changes} />
      <FeedSection caseId={item.id} />
    </section>
  );
}

/**
 * "‹ Nov" / "Jan ›" on screen; heard as "November 2026, previous month" (the visible letters
 * begin the spoken name, as speech control needs).
 */
function MonthButton({
  month,
  direction,
  onClick,
}: {
  month: string;
  direction: 'previous' | 'next';
  onClick: (date: string) => void;
}) {
  const title = monthTitle(month);
  return (
    <button type="button" className="button--quiet" onClick={() => onClick(firstOfMonth(month))}>
      {direction === 'previous' && <span aria-hidden="true">‹ </span>}
      {title.slice(0, 3)}
      <span className="visually-hidden">
        {title.slice(3)}, {direction} month
      </span>
      {direction === 'next' && <span aria-hidden="true"> ›</span>}
    </button>
  );
}
