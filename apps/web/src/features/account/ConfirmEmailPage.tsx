import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApiClient } from '../../api/ApiClientContext';
import { paths } from '../../app/paths';
import { FormMessage } from '../../components/FormMessage';
import { problemSentence } from '../../components/formErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { useSubmission } from '../../components/useSubmission';
import { useSession } from '../auth/SessionProvider';
import { confirmEmail } from './accountApi';
import { focusOnMount } from '../auth/focusOnMount';

/**
 * `/confirm-email/:token`, the link mailed to a new address. Nothing changes on opening it
 * (mail scanners open links too); the button confirms.
 */
export function ConfirmEmailPage() {
  usePageTitle('Confirm your new address');
  const token = useParams().token ?? '';
  const api = useApiClient();
  const session = useSession();
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const { busy, error, run } = useSubmission();

  const confirm = () =>
    run(async () => {
      const user = await confirmEmail(api, token);
      if (session.user?.id === user.id) session.signedIn(user);
      setConfirmed(user.email);
    });

  if (confirmed) {
    return (
      <section className="account-narrow" aria-labelledby="confirm-heading">
        <h1 tabIndex={-1} ref={focusOnMount} id="confirm-heading">
          Address changed
        </h1>
        <p className="notice" role="status">
          Your account now uses {confirmed}. Sign in with it from now on; mail from Parallel goes there.
        </p>
        <p>
          <Link to={session.user ? paths.account : paths.home}>
            {session.user ? 'Back to your account' : 'Sign in'}
          </Link>
        </p>
      </section>
    );
  }

  const unusable = error && [400, 404, 410].includes(error.status);
  if (unusable) {
    return (
      <section className="account-narrow" aria-labelledby="confirm-heading">
        <h1 tabIndex={-1} ref={focusOnMount} id="confirm-heading">
          This link cannot be used any more
        </h1>
        <p className="notice" role="status">
          A link to confirm a new address works once. This one has been used or has run out, and your address has not
          changed. You can ask for a new link on your account page.
        </p>
        <p>
          <Link to={session.user ? paths.account : paths.home}>{session.user ? 'Your account' : 'Sign in'}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="account-narrow" aria-labelledby="confirm-heading">
      <h1 id="confirm-heading">Confirm your new address</h1>
      <p>Once confirmed, you sign in with this address and mail from Parallel goes to it.</p>
      <button type="button" onClick={() => void confirm()} disabled={busy}>
        {busy ? 'Confirming…' : 'Confirm the new address'}
      </button>
      <FormMessage>
        {error ? (
          <p>
            {error.status === 409
              ? 'Another account uses this address now, so your account keeps its address.'
              : problemSentence(error)}
          </p>
        ) : null}
      </FormMessage>
    </section>
  );
}
