import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { NotAvailableYet } from '../../components/NotAvailableYet';
import { usePageTitle } from '../../components/usePageTitle';

/** `/verify`: checks an exported record bundle in the browser. Built by later work; until then it says so. */
export function VerifyPage() {
  usePageTitle('Check an exported record');
  return (
    <>
      <NotAvailableYet heading="Check an exported record" level={1}>
        Checking an exported record in the browser is not available yet.
      </NotAvailableYet>
      <p>
        <Link to={paths.home}>Go to the start page</Link>
      </p>
    </>
  );
}
