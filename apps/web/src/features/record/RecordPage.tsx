import { NotAvailableYet } from '../../components/NotAvailableYet';
import { usePageTitle } from '../../components/usePageTitle';
import { useCurrentCase } from '../cases/CaseLayout';

/** `/cases/:caseId/record`: the case's record and its export. Built by later work; until then it says so. */
export function RecordPage() {
  usePageTitle(useCurrentCase().name, 'Record');
  return (
    <NotAvailableYet heading="Record">
      Reading the record and exporting it for court is not available in the web app yet. Everything in the case is
      still being recorded.
    </NotAvailableYet>
  );
}
