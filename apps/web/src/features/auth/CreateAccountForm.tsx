import { useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';
import { CHECK_THE_NOTES, emailAddress, newPassword, required, useFieldChecks } from '../../components/useFieldChecks';
import { useSubmission } from '../../components/useSubmission';
import { useSession } from './SessionProvider';

const FIELDS = ['displayName', 'email', 'password'] as const;
const CHECKS = {
  displayName: required('Please give your name.'),
  email: emailAddress('Please give your e-mail address.'),
  password: newPassword,
};

export function CreateAccountForm({ initialEmail = '' }: { initialEmail?: string }) {
  const api = useApiClient();
  const { signedIn } = useSession();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmission();
  const checks = useFieldChecks({ displayName, email, password }, CHECKS);
  const [checkedOnSubmit, setCheckedOnSubmit] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCheckedOnSubmit(true);
    if (!checks.checkAll(event.currentTarget)) return;
    await run(async () => {
      const { user } = await api.register({ displayName: displayName.trim(), email: email.trim(), password });
      signedIn(user);
    });
  };

  const noteFor = (field: (typeof FIELDS)[number]) => checks.problemOf(field) ?? fieldMessage(error, field);
  const formNotes = checkedOnSubmit && checks.hasProblems ? [CHECK_THE_NOTES] : formLevelMessages(error, FIELDS);

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
        onBlur={(event) => checks.left('displayName', event)}
        error={noteFor('displayName')}
      />
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
        hint="At least 12 characters. A few unrelated words work well."
        type="password"
        name="password"
        autoComplete="new-password"
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
        {busy ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
