import { NotAvailableYet } from '../../components/NotAvailableYet';
import { usePageTitle } from '../../components/usePageTitle';
import { useCurrentCase } from '../cases/CaseLayout';

/** `/cases/:caseId/expenses`: shared costs. Built by later work; until then it says so. */
export function ExpensesPage() {
  usePageTitle(useCurrentCase().name, 'Expenses');
  return (
    <NotAvailableYet heading="Expenses">Logging and settling shared expenses is not available in the web app yet.</NotAvailableYet>
  );
}
