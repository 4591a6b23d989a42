import { useState, type FormEvent } from 'react';
import { useApiClient } from '../api/ApiClientContext';
import type { User } from '../api/types';
import { TextField } from './Field';
import { FormMessage } from './FormMessage';
import { formLevelMessages } from './formErrors';
import { useSubmission } from './useSubmission';

const FIELDS = ['email', 'password'] as const;

export function SignInForm({
  onSignedIn,
  initialEmail = '',
}: {
  onSignedIn: (user: User) => void;
  initialEmail?: string;
}) {
  const api = useApiClient();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const { user } = await api.login({ email: email.trim(), password });
      onSignedIn(user);
    });
  };

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
        error={error?.fieldError('email')}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
        error={error?.fieldError('password')}
      />
      <FormMessage>
        {formLevelMessages(error, FIELDS).map((message) => (
          <p key={message}>{message}</p>
        ))}
      </FormMessage>
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
