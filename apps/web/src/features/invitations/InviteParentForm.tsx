import { useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { SentInvitation } from '../../api/types';
import { formatDateTime } from '../../format';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';
import { useSubmission } from '../../components/useSubmission';

const FIELDS = ['email'] as const;

export function InviteParentForm({ caseId, caseName }: { caseId: string; caseName: string }) {
  const api = useApiClient();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<SentInvitation | null>(null);
  const { busy, error, run } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      setSent(await api.inviteParent(caseId, email.trim()));
      setEmail('');
    });
  };

  return (
    <form className="invite-form" onSubmit={(event) => void submit(event)} noValidate aria-label={`Invite the other parent to ${caseName}`}>
      <h3>Invite the other parent</h3>
      <p className="muted">
        They receive an e-mail with a link to join this case. Until they join, only you can see it.
      </p>
      <TextField
        label="Their e-mail"
        type="email"
        name="email"
        autoComplete="off"
        required
        value={email}
        onChange={setEmail}
        error={fieldMessage(error, 'email')}
      />
      <FormMessage tone={sent && !error ? 'done' : 'attention'}>
        {error
          ? formLevelMessages(error, FIELDS).map((message) => <p key={message}>{message}</p>)
          : sent && (
              <p>
                An invitation was sent to {sent.email}. The link works until {formatDateTime(sent.expiresAt)}.
              </p>
            )}
      </FormMessage>
      <button type="submit" disabled={busy}>
        {busy ? 'Sending…' : 'Send invitation'}
      </button>
    </form>
  );
}
