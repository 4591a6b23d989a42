import { useState, type FormEvent } from 'react';
import { useApiClient } from '../api/ApiClientContext';
import type { User } from '../api/types';
import { TextField } from './Field';
import { FormMessage } from './FormMessage';
import { formLevelMessages } from './formErrors';
import { useSubmission } from './useSubmission';

const FIELDS = ['displayName', 'email', 'password'] as const;

export function CreateAccountForm({
  onSignedIn,
  initialEmail = '',
}: {
  onSignedIn: (user: User) => void;
  initialEmail?: string;
}) {
  const api = useApiClient();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const { user } = await api.register({ displayName: displayName.trim(), email: email.trim(), password });
      onSignedIn(user);
    });
  };

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="create-account-heading">
      <h2 id="create-account-heading">Create an account</h2>
      <TextField
        label="Your name"
        hint="Shown to the other parent and in the record."
        name="displayName"
        autoComplete="name"
        required
        value={displayName}
        onChange={setDisplayName}
        error={error?.fieldError('displayName')}
      />
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
        hint="At least 12 characters. A few unrelated words work well."
        type="password"
        name="password"
        autoComplete="new-password"
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
        {busy ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
