import { useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { newPassword, required, useFieldChecks } from '../../components/useFieldChecks';
import { useSubmission } from '../../components/useSubmission';
import { PASSWORD_POLICY } from '../auth/authWords';
import { changePassword } from './accountApi';
import { formProblem, newPasswordMessage, passwordCheckMessage } from './accountWords';

const CHECKS = {
  currentPassword: required('Please give your current password.'),
  newPassword,
};

export const PASSWORD_CHANGED_HERE =
  'Your password is changed. Your other devices were signed out; this one stays signed in.';

/** `onChanged`: the API ended the other sessions, so the list above is out of date. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const api = useApiClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [nextPassword, setNextPassword] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmission();
  const checks = useFieldChecks({ currentPassword, newPassword: nextPassword }, CHECKS);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    if (!checks.checkAll(event.currentTarget)) return;
    const changed = await run(async () => {
      await changePassword(api, { currentPassword, newPassword: nextPassword });
    });
    if (changed) {
      setCurrentPassword('');
      setNextPassword('');
      checks.reset();
      setDone(true);
      onChanged?.();
    }
  };

  const currentNote = checks.problemOf('currentPassword') ?? passwordCheckMessage(error, 'currentPassword');
  const newNote = checks.problemOf('newPassword') ?? newPasswordMessage(error, 'newPassword');
  const problem = formProblem(error, [currentNote, newNote]);

  return (
    <form
      className="card account-section"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="password-heading"
    >
      <h2 id="password-heading">Password</h2>
      <TextField
        label="Current password"
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={setCurrentPassword}
        onBlur={(event) => checks.left('currentPassword', event)}
        error={currentNote}
      />
      <TextField
        label="New password"
        hint={PASSWORD_POLICY}
        type="password"
        name="newPassword"
        autoComplete="new-password"
        required
        value={nextPassword}
        onChange={setNextPassword}
        onBlur={(event) => checks.left('newPassword', event)}
        error={newNote}
      />
      <FormMessage tone={done ? 'done' : 'attention'}>
        {done ? <p>{PASSWORD_CHANGED_HERE}</p> : problem ? <p>{problem}</p> : null}
      </FormMessage>
      <button type="submit" disabled={busy}>
        {busy ? 'Changing your password…' : 'Change password'}
      </button>
    </form>
  );
}
