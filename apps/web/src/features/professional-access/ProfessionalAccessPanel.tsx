import { accessEndsAfterDay, accessLastDayChoices } from '@parallel/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { CaseParent } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemSentence } from '../../components/formErrors';
import { QueryView } from '../../components/QueryView';
import { useCopyField } from '../../components/useCopyField';
import { useSubmission } from '../../components/useSubmission';
import { useCaseEvents } from '../live/useCaseEvents';
import {
  endAccess,
  grantAccess,
  listAccess,
  type GrantedProfessionalAccess,
  type ProfessionalAccess,
  type ProfessionalRole,
} from './accessApi';
import {
  ROLE_CHOICES,
  accessFieldMessage,
  accessHistoryInWords,
  accessStatusInWords,
  professionalInWords,
} from './accessWords';
import './professional-access.css';

interface PanelProps {
  caseId: string;
  /** The signed-in parent. */
  userId: string;
  parents: readonly CaseParent[];
  timeZone: string;
}

/**
 * "Professional access" on the record page: who outside the two parents may read and export
 * the record (both parents see every access, open, expired or ended), a form to give it,
 * and, for the parent who gave an access, the way to end it.
 */
export function ProfessionalAccessPanel({ caseId, userId, parents, timeZone }: PanelProps) {
  const list = useApiQuery(['professional-access', caseId], (api) => listAccess(api, caseId));
  const [granted, setGranted] = useState<GrantedProfessionalAccess | null>(null);
  // Given or ended by the other parent, or opened by a professional: the list says so without reloading.
  useCaseEvents(caseId, (event) => {
    if (event.name === 'professional_access.changed') list.reload();
  });

  return (
    <section className="card" aria-labelledby="professional-access-heading">
      <h3 id="professional-access-heading">Professional access</h3>
      <p>
        Let your lawyer, a mediator or a guardian ad litem read this record and export it for court, through a link that
        stops working on the day you choose. They cannot send messages or change anything. The other parent is told, and
        each time the record is opened or exported with the link, that is recorded.
      </p>
      <QueryView
        query={list}
        loading="Reading who has access…"
        failed="The list of professional access could not be read."
      >
        {(items) =>
          items.length === 0 ? (
            <p className="muted">Nobody outside the two parents has access to this record.</p>
          ) : (
            <ul className="access-list" aria-label="Professional access to this record">
              {items.map((access) => (
                <AccessItem
                  key={access.id}
                  caseId={caseId}
                  access={access}
                  userId={userId}
                  parents={parents}
                  timeZone={timeZone}
                  onEnded={list.reload}
                />
              ))}
            </ul>
          )
        }
      </QueryView>
      {granted && <GrantedNotice granted={granted} onDone={() => setGranted(null)} />}
      <GrantForm
        caseId={caseId}
        timeZone={timeZone}
        onGranted={(answer) => {
          setGranted(answer);
          list.reload();
        }}
      />
    </section>
  );
}

function AccessItem({
  caseId,
  access,
  userId,
  parents,
  timeZone,
  onEnded,
}: { access: ProfessionalAccess; onEnded: () => void } & PanelProps) {
  const api = useApiClient();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const submission = useSubmission();
  const giver = parents.find((parent) => parent.userId === access.grantedBy)?.displayName ?? 'the parent who gave it';
  const end = () =>
    submission.run(async () => {
      await endAccess(api, caseId, access.id);
      setConfirming(false);
      onEnded();
    });
  return (
    <li className="access-item">
      <p className="access-item__who">
        <strong>{professionalInWords(access)}</strong> <span className="access-item__email">{access.email}</span>
      </p>
      <p className={`access-item__status access-item__status--${access.status}`}>
        {accessStatusInWords(access, userId, parents, timeZone)}
      </p>
      <p className="muted">{accessHistoryInWords(access, userId, parents, timeZone)}</p>
      {access.canRevoke && !confirming && (
        <button type="button" className="button--quiet" onClick={() => setConfirming(true)}>
          End access
        </button>
      )}
      {access.canRevoke && confirming && (
        <div className="notice" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            End {access.name}&rsquo;s access now? The link stops working at once, also where it is open. This is
            recorded.
          </p>
          <div className="button-row">
            <ConfirmButton busy={submission.busy} onClick={() => void end()}>
              {submission.busy ? 'Ending it…' : 'End access now'}
            </ConfirmButton>
            <button
              type="button"
              className="button--quiet"
              disabled={submission.busy}
              onClick={() => setConfirming(false)}
            >
              Keep it
            </button>
          </div>
        </div>
      )}
      {!access.canRevoke && access.status === 'active' && access.grantedBy !== userId && (
        <p className="muted">Only {giver}, who gave it, can end it.</p>
      )}
      <FormMessage>{submission.error ? problemSentence(submission.error) : null}</FormMessage>
    </li>
  );
}

/** The confirming button takes the focus when it appears, so a keyboard user lands on the choice. */
function ConfirmButton({ busy, onClick, children }: { busy: boolean; onClick: () => void; children: string }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <button ref={ref} type="button" disabled={busy} onClick={onClick}>
      {children}
    </button>
  );
}

function GrantForm({
  caseId,
  timeZone,
  onGranted,
}: {
  caseId: string;
  timeZone: string;
  onGranted: (answer: GrantedProfessionalAccess) => void;
}) {
  const api = useApiClient();
  const id = useId();
  // The days on offer are worked out when the form opens, in the case's zone, by the same rule as the API's check.
  const [choices] = useState(() => accessLastDayChoices(Date.now(), timeZone));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProfessionalRole | ''>('');
  const [lastDay, setLastDay] = useState(choices.suggested);
  const submission = useSubmission();
  const error = submission.error;
  const fieldsShown = ['name', 'email', 'role', 'expiresAt'];

  const submit = () =>
    submission.run(async () => {
      const expiresAt = accessEndsAfterDay(lastDay, timeZone) ?? '';
      const answer = await grantAccess(api, caseId, { name, email, role: role as ProfessionalRole, expiresAt });
      setName('');
      setEmail('');
      setRole('');
      setLastDay(choices.suggested);
      onGranted(answer);
    });

  const roleMessage = accessFieldMessage(error, 'role');
  return (
    <form
      className="access-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4 id={`${id}-heading`}>Give access</h4>
      <TextField
        label="Their name"
        autoComplete="off"
        value={name}
        onChange={setName}
        error={accessFieldMessage(error, 'name')}
      />
      <TextField
        label="Their e-mail address"
        type="email"
        autoComplete="off"
        hint="The link is sent here, and only here."
        value={email}
        onChange={setEmail}
        error={accessFieldMessage(error, 'email')}
      />
      <fieldset
        className={roleMessage ? 'field--needs-attention' : undefined}
        aria-describedby={roleMessage ? `${id}-role-message` : undefined}
      >
        <legend>Their role</legend>
        {ROLE_CHOICES.map((choice) => (
          <label className="choice" key={choice.value}>
            <input
              type="radio"
              name={`${id}-role`}
              value={choice.value}
              checked={role === choice.value}
              onChange={() => setRole(choice.value)}
            />
            <span>
              {choice.label} <span className="muted">({choice.hint})</span>
            </span>
          </label>
        ))}
        {roleMessage && (
          <p className="field__message" id={`${id}-role-message`}>
            {roleMessage}
          </p>
        )}
      </fieldset>
      <TextField
        label="Last day of access"
        type="date"
        min={choices.first}
        max={choices.last}
        required
        hint={`The link stops working when this day ends (${timeZone}). At most 90 days; you can end it sooner, or give a new link later.`}
        value={lastDay}
        onChange={setLastDay}
        error={accessFieldMessage(error, 'expiresAt')}
      />
      <button type="submit" disabled={submission.busy}>
        {submission.busy ? 'Giving access…' : 'Give access and send the link'}
      </button>
      <FormMessage>
        {error && error.details.every((problem) => !fieldsShown.includes(problem.field))
          ? problemSentence(error)
          : null}
      </FormMessage>
    </form>
  );
}

/** Said once, after giving access: where the link went, that the other parent was told, and the link itself to copy. */
function GrantedNotice({ granted, onDone }: { granted: GrantedProfessionalAccess; onDone: () => void }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { copied, copy } = useCopyField(granted.url, `${id}-url`);
  useEffect(() => heading.current?.focus(), []);
  const who = professionalInWords(granted.access);
  return (
    <div className="access-granted" role="group" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Access given to {who}
      </h4>
      <p>
        {granted.mailDelivered
          ? `The link was e-mailed to ${granted.access.email}. The other parent has been told.`
          : `The e-mail to ${granted.access.email} could not be sent just now. Copy the link below and send it to ${granted.access.name} yourself. The other parent has been told.`}
      </p>
      <div className="field">
        <label htmlFor={`${id}-url`}>The link</label>
        <p className="field__hint" id={`${id}-hint`}>
          Shown only now. Whoever has it can read the record until the access ends, so share it only with{' '}
          {granted.access.name}.
        </p>
        <input
          id={`${id}-url`}
          className="access-link"
          type="text"
          readOnly
          value={granted.url}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <p role="status" className="muted">
        {copied === 'copied'
          ? 'The link is copied.'
          : copied === 'select'
            ? 'The link is selected: copy it with your device’s copy command.'
            : ''}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void copy()}>
          Copy the link
        </button>
        <button type="button" className="button--quiet" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
