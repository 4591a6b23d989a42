import { lazy, Suspense, useState } from 'react';
import { useLocation } from 'react-router';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { currentVisit } from './accessApi';
import { visitProblemInWords } from './visitWords';

// The record's sentences, checks and export load with this page, as they do for parents.
const ProfessionalRecordView = lazy(() =>
  import('./ProfessionalRecordView').then((module) => ({ default: module.ProfessionalRecordView })),
);

/** What the link page hands over when the link did not open the record. */
export interface VisitPageState {
  problem: string;
}

function problemFrom(state: unknown): string | null {
  const problem = (state as Partial<VisitPageState> | null)?.problem;
  return typeof problem === 'string' && problem ? problem : null;
}

/**
 * `/p`: a professional's read-only view of one case's record, open while their visit lasts.
 * Nothing here can send, answer or change anything; there is no way from it to any other page
 * of a case.
 */
export function ProfessionalRecordPage() {
  const handedOver = problemFrom(useLocation().state);
  const [closed, setClosed] = useState(false);
  if (closed)
    return (
      <VisitProblem
        message="This view is closed. To read the record again, open the link from your e-mail."
        heading="The view is closed"
      />
    );
  if (handedOver) return <VisitProblem message={handedOver} />;
  return <OpenVisit onClosed={() => setClosed(true)} />;
}

function OpenVisit({ onClosed }: { onClosed: () => void }) {
  const visit = useApiQuery(['professional-visit'], currentVisit);
  usePageTitle(visit.data?.case.name, 'Shared record');
  return (
    <QueryView
      query={visit}
      loading="Opening the record…"
      failure={(error) => <VisitProblem message={visitProblemInWords(error)} />}
    >
      {(view) => (
        <Suspense
          fallback={
            <p className="muted" role="status">
              Opening the record…
            </p>
          }
        >
          <ProfessionalRecordView view={view} onClosed={onClosed} />
        </Suspense>
      )}
    </QueryView>
  );
}

function VisitProblem({ message, heading = 'The record cannot be opened' }: { message: string; heading?: string }) {
  usePageTitle(heading);
  return (
    <section aria-labelledby="visit-problem-heading">
      <h1 id="visit-problem-heading">{heading}</h1>
      <div className="notice" role="status">
        <p>{message}</p>
      </div>
      <p className="muted">
        Parallel shares a case&rsquo;s record only through a link a parent gives. If you need to read it, ask that
        parent for a new link.
      </p>
    </section>
  );
}
