import { useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';
import { useSubmission } from '../../components/useSubmission';
import { useSession } from './SessionProvider';

const FIELDS = ['email', 'password'] as const;

export function SignInForm({ initialEmail = '' }: { initialEmail?: string }) {
  const api = useApiClient();
  const { signedIn } = useSession();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const { user } = await api.login({ email: email.trim(), password });
      signedIn(user);
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
        error={fieldMessage(error, 'email')}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
        error={fieldMessage(error, 'password')}
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
