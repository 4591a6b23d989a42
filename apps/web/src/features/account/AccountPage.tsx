import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../auth/SessionProvider';
import { ChangeEmailForm } from './ChangeEmailForm';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SecondStepSection } from './SecondStepSection';
import { SessionsSection } from './SessionsSection';

/** `/account`: one's own sessions, password, e-mail address and the second step at sign-in. */
export function AccountPage() {
  usePageTitle('Your account');
  const { user } = useSession();
  return (
    <div className="account-page">
      <h1>Your account</h1>
      <p className="muted">
        {user?.displayName} · {user?.email}
      </p>
      <SessionsSection />
      <ChangePasswordForm />
      <ChangeEmailForm />
      <SecondStepSection />
    </div>
  );
}
