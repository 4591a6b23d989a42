import { useNavigate } from 'react-router';
import { paths } from '../../app/paths';
import { problemSentence } from '../../components/formErrors';
import { useSubmission } from '../../components/useSubmission';
import { useSession } from './SessionProvider';

export function SignOutButton() {
  const session = useSession();
  const navigate = useNavigate();
  const { busy, error, run } = useSubmission();
  const signOut = () =>
    run(async () => {
      // To the start page first: a signed-out visitor of a case page would otherwise be
      // asked to sign in and brought back there, which is not what "sign out" means.
      await navigate(paths.home);
      await session.signOut();
    });
  return (
    <span className="sign-out">
      <button type="button" className="button--quiet" onClick={() => void signOut()} disabled={busy}>
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
      <span role="status" className="sign-out__message">
        {error ? `Signing out did not work. ${problemSentence(error)}` : ''}
      </span>
    </span>
  );
}
