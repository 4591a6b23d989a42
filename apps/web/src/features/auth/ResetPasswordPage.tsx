import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { NotAvailableYet } from '../../components/NotAvailableYet';
import { usePageTitle } from '../../components/usePageTitle';

/** The link in a password-reset mail lands here; choosing a new password is built later. */
export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  return (
    <>
      <NotAvailableYet heading="Choose a new password" level={1}>
        Choosing a new password from this link is not available yet.
      </NotAvailableYet>
      <p>
        <Link to={paths.home}>Go to the start page</Link>
      </p>
    </>
  );
}
