import { useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { emailAddress, required, useFieldChecks } from '../../components/useFieldChecks';
import { useSubmission } from '../../components/useSubmission';
import { useSession } from '../auth/SessionProvider';
import { changeEmail } from './accountApi';
import { formProblem, newEmailMessage, passwordCheckMessage } from './accountWords';

const CHECKS = {
  newEmail: emailAddress('Please give the new address.'),
  password: required('Please give your password.'),
};

/** "Check your new inbox": the address changes only once the link mailed to it is opened. */
export function linkSentSentence(newEmail: string, currentEmail: string): string {
  return `Check your new inbox for a link: it went to ${newEmail}. Until you open it, your address stays ${currentEmail}.`;
}

export function ChangeEmailForm() {
  const api = useApiClient();
  const { user } = useSession();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, error, run } = useSubmission();
  const checks = useFieldChecks({ newEmail, password }, CHECKS);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSentTo(null);
    if (!checks.checkAll(event.currentTarget)) return;
    const address = newEmail.trim();
    const sent = await run(async () => {
      await changeEmail(api, { newEmail: address, password });
    });
    if (sent) {
      setNewEmail('');
      setPassword('');
      checks.reset();
      setSentTo(address);
    }
  };

  const emailNote = checks.problemOf('newEmail') ?? newEmailMessage(error, 'newEmail');
  const passwordNote = checks.problemOf('password') ?? passwordCheckMessage(error, 'password');
  const problem = formProblem(error, [emailNote, passwordNote]);

  return (
    <form
      className="card account-section"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="email-heading"
    >
      <h2 id="email-heading">E-mail address</h2>
      <p>
        You sign in with <strong>{user?.email}</strong>. Mail from Parallel goes there.
      </p>
      <TextField
        label="New e-mail address"
        type="email"
        name="newEmail"
        autoComplete="email"
        required
        value={newEmail}
        onChange={setNewEmail}
        onBlur={(event) => checks.left('newEmail', event)}
        error={emailNote}
      />
      <TextField
        label="Your password"
        hint="To make sure it is you."
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
        onBlur={(event) => checks.left('password', event)}
        error={passwordNote}
      />
      <FormMessage tone={sentTo ? 'done' : 'attention'}>
        {sentTo ? <p>{linkSentSentence(sentTo, user?.email ?? '')}</p> : problem ? <p>{problem}</p> : null}
      </FormMessage>
      <button type="submit" disabled={busy}>
        {busy ? 'Sending the link…' : 'Change e-mail address'}
      </button>
    </form>
  );
}
