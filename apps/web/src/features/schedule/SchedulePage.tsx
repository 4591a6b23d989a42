import { NotAvailableYet } from '../../components/NotAvailableYet';
import { usePageTitle } from '../../components/usePageTitle';
import { useCurrentCase } from '../cases/CaseLayout';

/** `/cases/:caseId/schedule`: parenting time and exchanges. Built by later work; until then it says so. */
export function SchedulePage() {
  usePageTitle(useCurrentCase().name, 'Schedule');
  return (
    <NotAvailableYet heading="Schedule">The parenting-time schedule is not available in the web app yet.</NotAvailableYet>
  );
}
