import { CreateAccountForm } from './CreateAccountForm';
import { SignInForm } from './SignInForm';

/**
 * Sign-in and account creation side by side (stacked on narrow screens). `first` puts one
 * before the other: an invitation's page leads with creating an account, since most people
 * invited are new to Parallel.
 */
export function AuthForms({
  initialEmail,
  first = 'sign-in',
}: {
  initialEmail?: string;
  first?: 'sign-in' | 'create-account';
}) {
  const signIn = <SignInForm key="sign-in" initialEmail={initialEmail} />;
  const createAccount = <CreateAccountForm key="create-account" initialEmail={initialEmail} />;
  return <div className="two-columns">{first === 'sign-in' ? [signIn, createAccount] : [createAccount, signIn]}</div>;
}
