import { useState, type FormEvent } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useApiClient } from '../../api/ApiClientContext';
import type { ApiError } from '../../api/client';
import { paths } from '../../app/paths';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemSentence } from '../../components/formErrors';
import { newPassword, useFieldChecks } from '../../components/useFieldChecks';
import { usePageTitle } from '../../components/usePageTitle';
import { useSubmission } from '../../components/useSubmission';
import { resetPassword } from './authApi';
import { hasProblemWith, newPasswordMessage, nextTryMessage, PASSWORD_POLICY } from './authWords';
import { useSession } from './SessionProvider';
import { SignInForm } from './SignInForm';
import { focusOnMount } from './focusOnMount';

export const PASSWORD_CHANGED = 'Your password is changed and every device was signed out. Sign in again.';

const CHECKS = { password: newPassword };

/** The link itself cannot be used (expired, used, or not one of ours), as opposed to a password to change. */
export function isUnusableLink(error: ApiError): boolean {
  if (error.status === 404 || error.status === 410) return true;
  return error.status === 400 && (hasProblemWith(error, 'token') || !hasProblemWith(error, 'password'));
}

/** `/reset/:token`, the link in a password-reset mail: choose a new password, then sign in again. */
export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const token = useParams().token ?? '';
  const api = useApiClient();
  const session = useSession();
  const [password, setPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const { busy, error, run } = useSubmission();
  const checks = useFieldChecks({ password }, CHECKS);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!checks.checkAll(event.currentTarget)) return;
    const done = await run(async () => {
      await resetPassword(api, token, password);
      // Every session of the account ended, perhaps this browser's too.
      await session.recheck().catch(() => undefined);
    });
    if (done) setChanged(true);
  };

  if (changed) {
    // Signed in again from the form below: on to one's cases.
    if (session.user) return <Navigate to={paths.home} replace />;
    return (
      <section className="account-narrow" aria-labelledby="reset-heading">
        <h1 tabIndex={-1} ref={focusOnMount} id="reset-heading">
          Password changed
        </h1>
        <p className="notice" role="status">
          {PASSWORD_CHANGED}
        </p>
        <SignInForm />
      </section>
    );
  }

  if (error && isUnusableLink(error)) {
    return (
      <section className="account-narrow" aria-labelledby="reset-heading">
        <h1 tabIndex={-1} ref={focusOnMount} id="reset-heading">
          This link cannot be used any more
        </h1>
        <p className="notice" role="status">
          A link to choose a new password works once, for an hour. This one has been used or has run out. Your password
          has not changed.
        </p>
        <p>
          <Link to={paths.forgotPassword}>Ask for a new link</Link>
        </p>
      </section>
    );
  }

  const note = checks.problemOf('password') ?? newPasswordMessage(error, 'password');
  return (
    <section className="account-narrow" aria-labelledby="reset-heading">
      <h1 id="reset-heading">Choose a new password</h1>
      <p>Once it is changed, every device signed in to your account is signed out, this one included.</p>
      <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="reset-form-heading">
        <h2 id="reset-form-heading">A new password for your account</h2>
        <TextField
          label="New password"
          hint={PASSWORD_POLICY}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={setPassword}
          onBlur={(event) => checks.left('password', event)}
          error={note}
        />
        <FormMessage>
          {error && !note ? (
            <p>{error.status === 429 ? nextTryMessage(error.retryAt) : problemSentence(error)}</p>
          ) : null}
        </FormMessage>
        <button type="submit" disabled={busy}>
          {busy ? 'Changing your password…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
