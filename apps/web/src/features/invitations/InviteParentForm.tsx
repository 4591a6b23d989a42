import { useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { Case, SentInvitation } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { formatDateTime } from '../../format';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';
import { CHECK_THE_NOTES, emailAddress, useFieldChecks } from '../../components/useFieldChecks';
import { useSubmission } from '../../components/useSubmission';

const FIELDS = ['email'] as const;
const CHECKS = { email: emailAddress('Please give the other parent’s e-mail address.') };

type PendingInvitation = NonNullable<Case['pendingInvitation']>;

interface InviteParentFormProps {
  caseId: string;
  caseName: string;
  /** The invitation still waiting, as the case answered it; left out, the form asks the API itself. */
  pendingInvitation?: Case['pendingInvitation'];
  /** The form's heading level under the page's own headings (3 by default). */
  headingLevel?: 3 | 4;
}

/**
 * Invites the other parent by e-mail. An invitation still waiting is shown with its address
 * and expiry (after a reload too), and sending another asks first, since the earlier link
 * stops working.
 */
export function InviteParentForm({ caseId, caseName, pendingInvitation, headingLevel = 3 }: InviteParentFormProps) {
  const api = useApiClient();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<{ invitation: SentInvitation; replaced: PendingInvitation | null } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [checkedOnSubmit, setCheckedOnSubmit] = useState(false);
  const { busy, error, run } = useSubmission();
  const checks = useFieldChecks({ email }, CHECKS);
  const asked = useApiQuery(['pending-invitation', caseId, pendingInvitation === undefined], (client) =>
    pendingInvitation === undefined
      ? client.getCase(caseId).then((found) => found.pendingInvitation)
      : Promise.resolve(null),
  );
  const fromCase = pendingInvitation ?? (asked.status === 'loaded' ? asked.data : null);
  const pending: PendingInvitation | null = sent
    ? { email: sent.invitation.email, expiresAt: sent.invitation.expiresAt }
    : fromCase;

  const send = () =>
    run(async () => {
      const invitation = await api.inviteParent(caseId, email.trim());
      setSent({ invitation, replaced: pending });
      setConfirming(false);
      setCheckedOnSubmit(false);
      setEmail('');
      checks.reset();
    });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCheckedOnSubmit(true);
    if (!checks.checkAll(event.currentTarget)) return;
    // A new link makes the one already sent stop working: say so and ask first.
    if (pending && !confirming) return setConfirming(true);
    await send();
  };

  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const formNotes = checkedOnSubmit && checks.hasProblems ? [CHECK_THE_NOTES] : formLevelMessages(error, FIELDS);
  return (
    <form
      className="invite-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={`Invite the other parent to ${caseName}`}
    >
      <Heading>Invite the other parent</Heading>
      {pending ? (
        <p className="invite-form__pending">
          An invitation is waiting for an answer: it was sent to <strong>{pending.email}</strong>, and its link works
          until <strong>{formatDateTime(pending.expiresAt)}</strong>. You can send a new link, to the same address or
          another one.
        </p>
      ) : (
        <p className="muted">
          They receive an e-mail with a link to join this case. Until they join, only you can see it.
        </p>
      )}
      <TextField
        label="Their e-mail"
        type="email"
        name="email"
        autoComplete="off"
        required
        value={email}
        onChange={(value) => {
          setEmail(value);
          setConfirming(false);
        }}
        onBlur={(event) => checks.left('email', event)}
        error={checks.problemOf('email') ?? fieldMessage(error, 'email')}
      />
      <FormMessage tone={sent && !error && !confirming ? 'done' : 'attention'}>
        {error || formNotes.length > 0 ? (
          formNotes.map((message) => <p key={message}>{message}</p>)
        ) : confirming && pending ? (
          <p>Send a new link? The link sent to {pending.email} will stop working.</p>
        ) : (
          sent && (
            <>
              <p>
                An invitation was sent to {sent.invitation.email}. The link works until{' '}
                {formatDateTime(sent.invitation.expiresAt)}.
              </p>
              {sent.replaced && <p>The link sent before to {sent.replaced.email} no longer works.</p>}
            </>
          )
        )}
      </FormMessage>
      {confirming ? (
        <div className="button-row">
          <button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send the new link'}
          </button>
          <button type="button" className="button--quiet" onClick={() => setConfirming(false)} disabled={busy}>
            Keep the earlier link
          </button>
        </div>
      ) : (
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : pending ? 'Send a new invitation' : 'Send invitation'}
        </button>
      )}
    </form>
  );
}
