import { lazy, Suspense } from 'react';
import { usePageTitle } from '../../components/usePageTitle';
import { useCurrentCase } from '../cases/CaseLayout';

// The calendar brings the domain's schedule code and Luxon: loaded when the page opens, not with the app.
const ScheduleView = lazy(() => import('./ScheduleView'));

/** `/cases/:caseId/schedule`: parenting time, handovers, swaps, check-ins, time shares and the calendar link. */
export function SchedulePage() {
  usePageTitle(useCurrentCase().name, 'Schedule');
  return (
    <Suspense
      fallback={
        <p className="muted" role="status">
          Loading the schedule…
        </p>
      }
    >
      <ScheduleView />
    </Suspense>
  );
}
