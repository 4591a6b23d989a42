import { useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { useSubmission } from '../../components/useSubmission';
import type { CalendarDay } from './MonthCalendar';
import type { ParentMark } from './parentMarks';
import { requestSwap, type Swap } from './scheduleApi';
import { firstDateOf, swapInWords, swapStatusInWords } from './scheduleWords';
import { SwapForm } from './SwapForm';

const HISTORY = 5;

/** Swap requests: ask for one (from days still to come this month), and the latest answered ones. */
export function SwapSection({
  caseId,
  days,
  swaps,
  marks,
  me,
  otherName,
  selected,
  monthLabel,
  open,
  onOpenChange,
  onChanged,
}: {
  caseId: string;
  /** The month's days still to come. */
  days: readonly CalendarDay[];
  swaps: readonly Swap[];
  marks: readonly ParentMark[];
  me: string;
  otherName: string | undefined;
  selected: string;
  monthLabel: string;
  /** Whether the form is open: the page opens it too, from the chosen day ("Ask for a swap of this day"). */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onChanged: () => void;
}) {
  const api = useApiClient();
  const setOpen = onOpenChange;
  const [sent, setSent] = useState(false);
  const form = useRef<HTMLDivElement>(null);
  // Opened from elsewhere on the page: bring the form into view, its heading first for screen readers.
  // Only as it opens: moving on the calendar while it is open must leave the focus where it is.
  useEffect(() => {
    if (!open) return;
    const heading = form.current?.querySelector('h4');
    if (!heading) return;
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    heading.scrollIntoView?.({ block: 'start' });
  }, [open]);
  const { busy, error, run } = useSubmission();
  const answered = swaps.filter((swap) => swap.status !== 'pending').slice(0, HISTORY);
  return (
    <section className="card" aria-labelledby="swaps-heading">
      <h3 id="swaps-heading">Swaps</h3>
      <p role="status">
        {sent && !open && swaps.some((swap) => swap.status === 'pending' && swap.requestedBy === me)
          ? 'Your request is sent. It is shown at the top until it is answered.'
          : ''}
      </p>
      {!otherName ? (
        <p>Swaps can be asked for once the other parent has joined.</p>
      ) : open ? (
        <div ref={form}>
          <SwapForm
            key={selected}
            days={days}
            me={me}
            otherName={otherName}
            initialDate={selected}
            busy={busy}
            error={error}
            onCancel={() => setOpen(false)}
            onRequest={(body) =>
              void run(async () => {
                await requestSwap(api, caseId, body);
                setOpen(false);
                setSent(true);
                onChanged();
              })
            }
          />
        </div>
      ) : (
        <button
          type="button"
          className="button--quiet"
          onClick={() => {
            setSent(false);
            setOpen(true);
          }}
        >
          Ask for a swap in {monthLabel}
        </button>
      )}
      {answered.length > 0 && (
        <>
          <h4>Answered</h4>
          <ul className="plain-list">
            {answered.map((swap) => (
              <li key={swap.id} data-first-day={firstDateOf(swap)}>
                {swapInWords(swap, marks, me)} <strong>{swapStatusInWords(swap)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
