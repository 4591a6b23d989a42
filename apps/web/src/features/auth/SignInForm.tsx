import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '../../api/ApiClientContext';
import { paths } from '../../app/paths';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';
import { CHECK_THE_NOTES, emailAddress, required, useFieldChecks } from '../../components/useFieldChecks';
import { useSubmission } from '../../components/useSubmission';
import { login, needsSecondFactor } from './authApi';
import { nextTryMessage } from './authWords';
import { SecondFactorForm } from './SecondFactorForm';
import { useSession } from './SessionProvider';

const FIELDS = ['email', 'password'] as const;
const CHECKS = {
  email: emailAddress('Please give your e-mail address.'),
  // Only "is it there": the rules for new passwords say nothing about an existing one.
  password: required('Please give your password.'),
};

export function SignInForm({ initialEmail = '' }: { initialEmail?: string }) {
  const api = useApiClient();
  const { signedIn } = useSession();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmission();
  const checks = useFieldChecks({ email, password }, CHECKS);
  const [checkedOnSubmit, setCheckedOnSubmit] = useState(false);
  /** Set when the password was right and the account asks for its second step. */
  const [challenge, setChallenge] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCheckedOnSubmit(true);
    if (!checks.checkAll(event.currentTarget)) return;
    await run(async () => {
      const answer = await login(api, { email: email.trim(), password });
      if (needsSecondFactor(answer)) {
        setPassword('');
        setChallenge(answer.challenge);
      } else {
        signedIn(answer.user);
      }
    });
  };

  if (challenge) {
    return (
      <SecondFactorForm
        challenge={challenge}
        onStartAgain={() => {
          setCheckedOnSubmit(false);
          setChallenge(null);
        }}
      />
    );
  }

  const noteFor = (field: (typeof FIELDS)[number]) => checks.problemOf(field) ?? fieldMessage(error, field);
  const formNotes =
    checkedOnSubmit && checks.hasProblems
      ? [CHECK_THE_NOTES]
      : error?.status === 429
        ? [nextTryMessage(error.retryAt)]
        : formLevelMessages(error, FIELDS);

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <TextField
        label="E-mail"
        type="email"
        name="email"
        autoComplete="email"
        required
        value={email}
        onChange={setEmail}
        onBlur={(event) => checks.left('email', event)}
        error={noteFor('email')}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
        onBlur={(event) => checks.left('password', event)}
        error={noteFor('password')}
      />
      <FormMessage>
        {formNotes.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </FormMessage>
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="account-aside">
        <Link to={paths.forgotPassword}>Forgot your password?</Link>
      </p>
    </form>
  );
}
