import { Link, useNavigate, useParams } from 'react-router';
import type { ApiError } from '../../api/client';
import type { InvitationPreview, User } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { paths } from '../../app/paths';
import { FormMessage } from '../../components/FormMessage';
import type { PageNotice } from '../../components/Layout';
import { formLevelMessages, problemSentence } from '../../components/formErrors';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { useSubmission } from '../../components/useSubmission';
import { useApiClient } from '../../api/ApiClientContext';
import { formatDateTime } from '../../format';
import { AuthForms } from '../auth/AuthForms';
import { useSession } from '../auth/SessionProvider';

/** `/invite/:token`: the link in an invitation mail. */
export function InvitePage() {
  const token = useParams().token ?? '';
  const { user } = useSession();
  const invitation = useApiQuery(['invitation', token], (api) => api.getInvitation(token));
  usePageTitle('Invitation to a case');
  return (
    <>
      <h1>Invitation to a case</h1>
      <QueryView
        query={invitation}
        loading="Looking up the invitation…"
        failure={(error) => <InvitationUnavailable error={error} />}
      >
        {(found) => (
          <>
            <InvitationDetails invitation={found} />
            {user ? (
              <AcceptInvitation token={token} user={user} caseName={found.caseName} />
            ) : (
              <>
                <p>To accept, create an account, or sign in if you already have one.</p>
                <AuthForms initialEmail={found.email} first="create-account" />
              </>
            )}
          </>
        )}
      </QueryView>
    </>
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
        : `The invitation could not be loaded right now. ${problemSentence(error)}`;
  return (
    <section className="card notice" aria-label="Invitation unavailable">
      <p>{explanation}</p>
      <p>
        <Link to={paths.home}>Go to the start page</Link>
      </p>
    </section>
  );
}

function AcceptInvitation({ token, user, caseName }: { token: string; user: User; caseName: string }) {
  const api = useApiClient();
  const navigate = useNavigate();
  const { busy, error, run } = useSubmission();
  const accept = () =>
    run(async () => {
      const joined = await api.acceptInvitation(token);
      const notice: PageNotice = {
        notice: `You joined the case “${joined.name || caseName}”. Everything you send here is kept in writing, dated, in its record.`,
      };
      await navigate(paths.case(joined.id), { replace: true, state: notice });
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
