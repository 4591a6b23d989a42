import { NavLink } from 'react-router';
import { paths } from '../../app/paths';
import { useSession } from './SessionProvider';
import { SignOutButton } from './SignOutButton';

/** The header's account part: who is signed in here, their account page, and the way out. */
export function SignedInAs() {
  const { user } = useSession();
  if (!user) return null;
  return (
    <>
      <span className="muted">Signed in as {user.displayName}</span>
      <NavLink to={paths.account} className="header-link">
        Your account
      </NavLink>
      <SignOutButton />
    </>
  );
}
