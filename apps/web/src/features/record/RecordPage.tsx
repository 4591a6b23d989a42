import { lazy, Suspense } from 'react';
import { usePageTitle } from '../../components/usePageTitle';
import { useCurrentCase } from '../cases/CaseLayout';

// The record's sentences (with the time-zone library) and its checks load with this page,
// not with the app's first load.
const RecordView = lazy(() => import('./RecordView').then((module) => ({ default: module.RecordView })));

/** `/cases/:caseId/record`: the case's record in plain sentences, checked in this browser and by the server. */
export function RecordPage() {
  usePageTitle(useCurrentCase().name, 'Record');
  return (
    <Suspense
      fallback={
        <p className="muted" role="status">
          Opening the record…
        </p>
      }
    >
      <RecordView />
    </Suspense>
  );
}
