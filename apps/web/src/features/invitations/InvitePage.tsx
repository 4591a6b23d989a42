import { useEffect, useState } from 'react';
import { useApiClient } from '../api/ApiClientContext';
import { asApiError, type ApiError } from '../api/client';
import type { InvitationPreview, User } from '../api/types';
import { AuthForms } from '../components/AuthForms';
import { FormMessage } from '../components/FormMessage';
import { Layout } from '../components/Layout';
import { formLevelMessages } from '../components/formErrors';
import { useSubmission } from '../components/useSubmission';
import { formatDateTime } from '../format';
import { Link, navigate } from '../routing';
import { SignedInAs } from './HomePage';

type InvitationState =
  { status: 'loading' } | { status: 'found'; invitation: InvitationPreview } | { status: 'failed'; error: ApiError };

interface InvitePageProps {
  token: string;
  user: User | null;
  onSignedIn: (user: User) => void;
  onSignedOut: () => void;
}

export function InvitePage({ token, user, onSignedIn, onSignedOut }: InvitePageProps) {
  const api = useApiClient();
  const [state, setState] = useState<InvitationState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    api.getInvitation(token).then(
      (invitation) => current && setState({ status: 'found', invitation }),
      (error: unknown) => current && setState({ status: 'failed', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, token]);

  return (
    <Layout actions={user && <SignedInAs user={user} onSignedOut={onSignedOut} />}>
      <h1>Invitation to a case</h1>
      {state.status === 'loading' && <p className="muted">Looking up the invitation…</p>}
      {state.status === 'failed' && <InvitationUnavailable error={state.error} />}
      {state.status === 'found' && (
        <>
          <InvitationDetails invitation={state.invitation} />
          {user ? (
            <AcceptInvitation token={token} user={user} />
          ) : (
            <>
              <p>To accept, sign in, or create an account if you do not have one yet.</p>
              <AuthForms onSignedIn={onSignedIn} initialEmail={state.invitation.email} />
            </>
          )}
        </>
      )}
    </Layout>
  );
}

function InvitationDetails({ invitation }: { invitation: InvitationPreview }) {
  return (
    <section className="card" aria-label="Invitation">
      <p>
        {invitation.invitedBy.displayName} invited you to join the case <strong>{invitation.caseName}</strong> on
        Parallel.
      </p>
      <dl className="facts">
        <dt>Sent to</dt>
        <dd>{invitation.email}</dd>
        <dt>Can be accepted until</dt>
        <dd>{formatDateTime(invitation.expiresAt)}</dd>
      </dl>
      <p className="muted">
        Parallel keeps every exchange between the two parents in writing, dated and unaltered. Nothing about your
        account is shared beyond your name and what you send.
      </p>
    </section>
  );
}

function InvitationUnavailable({ error }: { error: ApiError }) {
  const explanation =
    error.status === 404
      ? 'This invitation link was not found. Please check that the whole link from the e-mail was copied. If it still does not open, a new invitation can be sent from the case.'
      : error.status === 410
        ? 'This invitation can no longer be used: it has expired or has already been accepted. A new invitation can be sent from the case.'
        : `The invitation could not be loaded right now. ${error.message}`;
  return (
    <section className="card notice" aria-label="Invitation unavailable">
      <p>{explanation}</p>
      <p>
        <Link href="/">Go to the start page</Link>
      </p>
    </section>
  );
}

function AcceptInvitation({ token, user }: { token: string; user: User }) {
  const api = useApiClient();
  const { busy, error, run } = useSubmission();
  const accept = () =>
    run(async () => {
      await api.acceptInvitation(token);
      navigate('/');
    });
  return (
    <section className="card" aria-labelledby="accept-heading">
      <h2 id="accept-heading">Join this case</h2>
      <p>
        You are signed in as {user.displayName} ({user.email}).
      </p>
      <FormMessage>
        {formLevelMessages(error, []).map((message) => (
          <p key={message}>{message}</p>
        ))}
      </FormMessage>
      <button type="button" onClick={() => void accept()} disabled={busy}>
        {busy ? 'Joining…' : 'Accept invitation'}
      </button>
    </section>
  );
}
