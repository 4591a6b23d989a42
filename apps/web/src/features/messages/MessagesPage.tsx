import { NotAvailableYet } from '../../components/NotAvailableYet';
import { usePageTitle } from '../../components/usePageTitle';
import { useCurrentCase } from '../cases/CaseLayout';

/** `/cases/:caseId/messages`: the written channel. Built by later work; until then it says so. */
export function MessagesPage() {
  usePageTitle(useCurrentCase().name, 'Messages');
  return (
    <NotAvailableYet heading="Messages">
      Writing and reading messages in the web app is not available yet.
    </NotAvailableYet>
  );
}
