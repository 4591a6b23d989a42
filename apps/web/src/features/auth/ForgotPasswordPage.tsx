import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '../../api/ApiClientContext';
import { paths } from '../../app/paths';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, problemSentence } from '../../components/formErrors';
import { emailAddress, useFieldChecks } from '../../components/useFieldChecks';
import { usePageTitle } from '../../components/usePageTitle';
import { useSubmission } from '../../components/useSubmission';
import { requestPasswordReset } from './authApi';
import { nextTryMessage } from './authWords';
import { focusOnMount } from './focusOnMount';

/** The same words whatever the answer: whether an address has an account is nobody's business. */
export const RESET_LINK_SENT = 'If an account uses this address, a link is on its way. It works once, for an hour.';

const CHECKS = { email: emailAddress('Please give the e-mail address you sign in with.') };

/** `/forgot-password`: asks for the address, then says the same calm sentence whatever the answer. */
export function ForgotPasswordPage() {
  usePageTitle('Forgot your password?');
  const api = useApiClient();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, error, run } = useSubmission();
  const checks = useFieldChecks({ email }, CHECKS);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!checks.checkAll(event.currentTarget)) return;
    const address = email.trim();
    if (await run(() => requestPasswordReset(api, address).then(() => undefined))) setSentTo(address);
  };

  if (sentTo !== null) {
    return (
      <section className="account-narrow" aria-labelledby="forgot-heading">
        <h1 tabIndex={-1} ref={focusOnMount} id="forgot-heading">
          Check your inbox
        </h1>
        <p className="notice" role="status">
          {RESET_LINK_SENT}
        </p>
        <p className="muted">
          The link goes to {sentTo}. If nothing arrives in a few minutes, look in the spam folder, or{' '}
          <button type="button" className="button--link" onClick={() => setSentTo(null)}>
            ask for another link
          </button>
          .
        </p>
        <p>
          <Link to={paths.home}>Back to sign in</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="account-narrow" aria-labelledby="forgot-heading">
      <h1 id="forgot-heading">Forgot your password?</h1>
      <p>Give the address you sign in with. We will mail it a link to choose a new password.</p>
      <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="forgot-form-heading">
        <h2 id="forgot-form-heading">Mail me a link</h2>
        <TextField
          label="E-mail"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={setEmail}
          onBlur={(event) => checks.left('email', event)}
          error={checks.problemOf('email') ?? fieldMessage(error, 'email')}
        />
        <FormMessage>
          {error && !fieldMessage(error, 'email') ? (
            <p>{error.status === 429 ? nextTryMessage(error.retryAt) : problemSentence(error)}</p>
          ) : null}
        </FormMessage>
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send the link'}
        </button>
      </form>
      <p>
        <Link to={paths.home}>Back to sign in</Link>
      </p>
    </section>
  );
}
