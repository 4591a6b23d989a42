import { Layout } from '../components/Layout';
import { Link } from '../routing';

export function NotFoundPage() {
  return (
    <Layout>
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link href="/">Go to the start page</Link>
      </p>
    </Layout>
  );
}
