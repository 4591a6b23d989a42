import { CreateAccountForm } from './CreateAccountForm';
import { SignInForm } from './SignInForm';

/** Sign-in and account creation side by side (stacked on narrow screens). */
export function AuthForms({ initialEmail }: { initialEmail?: string }) {
  return (
    <div className="two-columns">
      <SignInForm initialEmail={initialEmail} />
      <CreateAccountForm initialEmail={initialEmail} />
    </div>
  );
}
