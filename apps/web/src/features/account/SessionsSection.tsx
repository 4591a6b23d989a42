import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApiClient } from '../../api/ApiClientContext';
import { useApiQuery } from '../../api/useApiQuery';
import { paths } from '../../app/paths';
import type { PageNotice } from '../../components/Layout';
import { FormMessage } from '../../components/FormMessage';
import { problemSentence } from '../../components/formErrors';
import { QueryView } from '../../components/QueryView';
import { useSubmission } from '../../components/useSubmission';
import { formatDateTime } from '../../format';
import { useSession } from '../auth/SessionProvider';
import { endEverySession, endSession, listSessions, type AccountSession } from './accountApi';
import { deviceName } from './accountWords';

export const SIGNED_OUT_EVERYWHERE = 'You are signed out on every device, this one included.';
export const SIGNED_OUT_HERE = 'You are signed out on this device.';

/** This browser's session first, then the most recently active. */
export function inDisplayOrder(sessions: readonly AccountSession[]): AccountSession[] {
  return [...sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
}

/**
 * Where the account is signed in, and the way to end any of it. Someone who once had the
 * password (or a device) should not be able to stay in unnoticed.
 */
export function SessionsSection() {
  const sessions = useApiQuery('account-sessions', listSessions);
  return (
    <section className="card account-section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are signed in</h2>
      <p className="muted">
        Each browser or app signed in to your account. If you do not recognise one, sign it out and change your
        password.
      </p>
      <QueryView query={sessions} loading="Loading your sessions…" failed="Your sessions could not be loaded.">
        {(items) => (
          <>
            <ul className="session-list">
              {inDisplayOrder(items).map((session) => (
                <SessionItem
                  key={session.id}
                  session={session}
                  onEnded={() => sessions.setData((current) => current.filter((item) => item.id !== session.id))}
                />
              ))}
            </ul>
            <SignOutEverywhere />
          </>
        )}
      </QueryView>
    </section>
  );
}

function SessionItem({ session, onEnded }: { session: AccountSession; onEnded: () => void }) {
  const api = useApiClient();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { busy, error, run } = useSubmission();
  const id = useId();

  const end = () =>
    run(async () => {
      await endSession(api, session.id);
      if (session.current) {
        const notice: PageNotice = { notice: SIGNED_OUT_HERE };
        await navigate(paths.home, { state: notice });
        await signOut();
      } else {
        onEnded();
      }
    });

  return (
    <li className="session-list__item">
      <div>
        <p className="session-list__device" id={`${id}-device`}>
          {deviceName(session)}
          {session.current && <span className="session-list__here">This device</span>}
        </p>
        <p className="muted">
          Last active {formatDateTime(session.lastSeenAt)} · signed in {formatDateTime(session.createdAt)}
        </p>
      </div>
      <div className="session-list__action">
        <button
          type="button"
          className="button--quiet"
          aria-describedby={`${id}-device`}
          onClick={() => void end()}
          disabled={busy}
        >
          {busy ? 'Signing out…' : 'Sign out of this device'}
        </button>
        <span role="status" className="session-list__message">
          {error ? `That did not work. ${problemSentence(error)}` : ''}
        </span>
      </div>
    </li>
  );
}

/** Asks once more before acting: it signs this browser out too. */
function SignOutEverywhere() {
  const api = useApiClient();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useSubmission();
  const question = useRef<HTMLDivElement>(null);
  // The button that asked is gone: focus goes to the question that replaced it.
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  const confirm = () =>
    run(async () => {
      await endEverySession(api);
      const notice: PageNotice = { notice: SIGNED_OUT_EVERYWHERE };
      await navigate(paths.home, { state: notice });
      await signOut();
    });

  if (!asking) {
    return (
      <div className="account-actions">
        <button type="button" onClick={() => setAsking(true)}>
          Sign out everywhere
        </button>
      </div>
    );
  }
  return (
    <div className="account-confirm" role="group" aria-labelledby="everywhere-question" tabIndex={-1} ref={question}>
      <p id="everywhere-question">
        This signs you out on every device listed here, this one included. You can sign in again with your password.
      </p>
      <div className="account-actions">
        <button type="button" onClick={() => void confirm()} disabled={busy}>
          {busy ? 'Signing out everywhere…' : 'Yes, sign out everywhere'}
        </button>
        <button type="button" className="button--quiet" onClick={() => setAsking(false)} disabled={busy}>
          Cancel
        </button>
      </div>
      <FormMessage>{error ? <p>{`That did not work. ${problemSentence(error)}`}</p> : null}</FormMessage>
    </div>
  );
}
