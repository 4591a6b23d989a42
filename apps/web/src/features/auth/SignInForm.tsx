import { useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';
import { CHECK_THE_NOTES, emailAddress, required, useFieldChecks } from '../../components/useFieldChecks';
import { useSubmission } from '../../components/useSubmission';
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

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCheckedOnSubmit(true);
    if (!checks.checkAll(event.currentTarget)) return;
    await run(async () => {
      const { user } = await api.login({ email: email.trim(), password });
      signedIn(user);
    });
  };

  const noteFor = (field: (typeof FIELDS)[number]) => checks.problemOf(field) ?? fieldMessage(error, field);
  const formNotes = checkedOnSubmit && checks.hasProblems ? [CHECK_THE_NOTES] : formLevelMessages(error, FIELDS);

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
    </form>
  );
}
