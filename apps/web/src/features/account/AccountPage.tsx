import { useState } from 'react';
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
  // A new password ends the other sessions: the list is read again.
  const [sessionsRead, setSessionsRead] = useState(0);
  return (
    <div className="account-page">
      <h1>Your account</h1>
      <p className="muted">
        {user?.displayName} · {user?.email}
      </p>
      <SessionsSection key={sessionsRead} />
      <ChangePasswordForm onChanged={() => setSessionsRead((count) => count + 1)} />
      <ChangeEmailForm />
      <SecondStepSection />
    </div>
  );
}
