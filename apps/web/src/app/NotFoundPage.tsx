import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';
import { paths } from './paths';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link to={paths.home}>Go to the start page</Link>
      </p>
    </>
  );
}
