import { useApiClient } from '../api/ApiClientContext';
import { ApiError } from '../api/client';
import { useSubmission } from './useSubmission';

export function SignOutButton({ onSignedOut }: { onSignedOut: () => void }) {
  const api = useApiClient();
  const { busy, error, run } = useSubmission();
  const signOut = () =>
    run(async () => {
      try {
        await api.logout();
      } catch (error) {
        // A session that already ended is the outcome the person asked for.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
      onSignedOut();
    });
  return (
    <span className="sign-out">
      <button type="button" className="button--quiet" onClick={() => void signOut()} disabled={busy}>
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
      <span role="status" className="sign-out__message">
        {error ? `Signing out did not work: ${error.message}` : ''}
      </span>
    </span>
  );
}
