import type { User } from '../api/types';
import { CreateAccountForm } from './CreateAccountForm';
import { SignInForm } from './SignInForm';

/** Sign-in and account creation side by side (stacked on narrow screens). */
export function AuthForms({ onSignedIn, initialEmail }: { onSignedIn: (user: User) => void; initialEmail?: string }) {
  return (
    <div className="two-columns">
      <SignInForm onSignedIn={onSignedIn} initialEmail={initialEmail} />
      <CreateAccountForm onSignedIn={onSignedIn} initialEmail={initialEmail} />
    </div>
  );
}
