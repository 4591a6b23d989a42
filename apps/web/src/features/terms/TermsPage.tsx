import { Fragment, useCallback, useId, useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { CaseParent, Proposal } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages, problemSentence } from '../../components/formErrors';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { leavesForSubmit } from '../../components/useFieldChecks';
import { useSubmission } from '../../components/useSubmission';
import { useSession } from '../auth/SessionProvider';
import { useCurrentCase, useRefreshCase } from '../cases/CaseLayout';
import { LiveStatus } from '../live/LiveStatus';
import { useCaseEvents } from '../live/useCaseEvents';
import {
  checkInboxDraft,
  draftFrom,
  FLOORS_IN_WORDS,
  newWindowRow,
  WEEKDAY_NAMES,
  type InboxDraft,
  type InboxDraftProblems,
} from './inboxForm';
import {
  answerProposal,
  getSettings,
  proposeSharedTerms,
  setInboxTerms,
  type CaseSettings,
  type Inbox,
  type InboxTermsChange,
  type ProposalAnswer,
  type SharedTerms,
} from './termsApi';
import { sharedChanges, type SharedDraft } from './sharedForm';
import { changesInWords, inboxTermsInWords, pendingInWords, sharedTermsInWords, shortCaseTime } from './termsWords';

/**
 * `/cases/:caseId/terms`: each parent's inbox terms (set alone, announced, in force after a
 * day), and the shared terms (changed only by a proposal the other parent accepts).
 */
export function TermsPage() {
  const item = useCurrentCase();
  const refreshCase = useRefreshCase();
  const api = useApiClient();
  const { user } = useSession();
  usePageTitle(item.name, 'Terms');
  const settings = useApiQuery(['settings', item.id], (client) => getSettings(client, item.id));
  const { setData } = settings;
  // Changes arrive live (the other parent's, or one's own from another device): read them in place.
  const refresh = useCallback(() => {
    getSettings(api, item.id).then(setData, () => undefined);
    refreshCase();
  }, [api, item.id, setData, refreshCase]);
  const { connected } = useCaseEvents(
    item.id,
    (event) => {
      if (event.name === 'terms.changed') refresh();
    },
    { onReconnect: refresh },
  );

  const me = user?.id ?? '';
  const other = item.parents.find((parent) => parent.userId !== me);
  return (
    <section aria-labelledby="terms-heading">
      <h2 id="terms-heading">Terms</h2>
      <p className="intro">
        Each parent sets the terms of their own inbox. The other terms are shared: they change only when one parent
        proposes and the other accepts. Times are in {item.timeZone}.
      </p>
      <LiveStatus connected={connected} />
      <QueryView query={settings} loading="Loading the terms…" failed="The terms could not be loaded.">
        {(loaded) => (
          <>
            <div className="terms-inboxes">
              <MyInbox
                caseId={item.id}
                inbox={loaded.inboxes.find((inbox) => inbox.userId === me)}
                otherName={other?.displayName}
                timeZone={item.timeZone}
                onSaved={refresh}
              />
              <OtherInbox
                inbox={other && loaded.inboxes.find((inbox) => inbox.userId === other.userId)}
                other={other}
                timeZone={item.timeZone}
              />
            </div>
            <SharedTermsSection
              caseId={item.id}
              settings={loaded}
              parents={item.parents}
              me={me}
              timeZone={item.timeZone}
              onChanged={refresh}
            />
          </>
        )}
      </QueryView>
    </section>
  );
}

function InboxFacts({ inbox, timeZone, whose }: { inbox: Inbox; timeZone: string; whose: 'your' | 'their' }) {
  return (
    <>
      <p className="terms-in-force">
        <span className="terms-label">In force since {shortCaseTime(inbox.inForceSince, timeZone)}:</span>{' '}
        <strong>{capitalized(inboxTermsInWords(inbox.inForce))}.</strong>
      </p>
      {inbox.pending ? (
        <p className="terms-pending">
          <span className="terms-label">Changing:</span> <strong>{pendingInWords(inbox.pending, timeZone)}</strong>{' '}
          <span className="muted">
            Announced {shortCaseTime(inbox.pending.requestedAt, timeZone)};{' '}
            {whose === 'your' ? 'until then your' : 'until then their'} terms above apply.
          </span>
        </p>
      ) : (
        <p className="muted">No change is waiting.</p>
      )}
    </>
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function MyInbox(props: {
  caseId: string;
  inbox: Inbox | undefined;
  otherName: string | undefined;
  timeZone: string;
  onSaved: () => void;
}) {
  const { inbox, timeZone } = props;
  return (
    <section className="card" aria-labelledby="my-inbox-heading">
      <h3 id="my-inbox-heading">Your inbox</h3>
      {inbox ? (
        <>
          <InboxFacts inbox={inbox} timeZone={timeZone} whose="your" />
          <InboxForm {...props} inbox={inbox} />
        </>
      ) : (
        <p>Your inbox&rsquo;s terms could not be found in this case.</p>
      )}
    </section>
  );
}

function OtherInbox({
  inbox,
  other,
  timeZone,
}: {
  inbox: Inbox | undefined;
  other: CaseParent | undefined;
  timeZone: string;
}) {
  const name = other?.displayName ?? 'The other parent';
  return (
    <section className="card" aria-labelledby="other-inbox-heading">
      <h3 id="other-inbox-heading">{other ? `${name}’s inbox` : 'The other parent’s inbox'}</h3>
      {!other ? (
        <p>The other parent has not joined yet. Once they do, their inbox&rsquo;s terms are shown here.</p>
      ) : inbox ? (
        <>
          <p className="muted">
            When your messages reach {name}. {name} sets these alone; a change is announced here a day before it
            applies.
          </p>
          <InboxFacts inbox={inbox} timeZone={timeZone} whose="their" />
        </>
      ) : (
        <p>{name}&rsquo;s inbox terms could not be found.</p>
      )}
    </section>
  );
}

function InboxForm({
  caseId,
  inbox,
  otherName,
  timeZone,
  onSaved,
}: {
  caseId: string;
  inbox: Inbox;
  otherName: string | undefined;
  timeZone: string;
  onSaved: () => void;
}) {
  const api = useApiClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<InboxDraft>(() => draftFrom(inbox.pending?.terms ?? inbox.inForce));
  const [shownProblems, setShownProblems] = useState<InboxDraftProblems>({});
  const [saved, setSaved] = useState<InboxTermsChange | null>(null);
  const { busy, error, run } = useSubmission();

  const change = (update: Partial<InboxDraft>) => {
    const next = { ...draft, ...update };
    setDraft(next);
    // A note shown goes as soon as it is put right.
    if (shownProblems.windows || shownProblems.dailyQuota) {
      const check = checkInboxDraft(next);
      setShownProblems(check.ok ? {} : check.problems);
    }
  };
  const setRow = (key: number, field: 'weekday' | 'time', value: string) =>
    change({ windows: draft.windows.map((row) => (row.key === key ? { ...row, [field]: value } : row)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkInboxDraft(draft);
    if (!check.ok) return setShownProblems(check.problems);
    setShownProblems({});
    await run(async () => {
      setSaved(await setInboxTerms(api, caseId, check.terms));
      setOpen(false);
      onSaved();
    });
  };

  const windowsNote = shownProblems.windows ?? fieldMessage(error, 'cadence');
  const quotaNote = shownProblems.dailyQuota ?? fieldMessage(error, 'dailyQuota');
  const who = otherName ?? 'The other parent';

  return (
    <>
      <FormMessage tone="done">
        {saved && !open && (
          <>
            <p>
              Saved. {who} is told now; your new terms apply from {shortCaseTime(saved.effectiveAt, timeZone)}.
            </p>
            {saved.replacedPending && <p>It replaces the change you made before, which will not take effect.</p>}
          </>
        )}
      </FormMessage>
      {!open ? (
        <button type="button" className="button--quiet" onClick={() => setOpen(true)}>
          Change your inbox&rsquo;s terms
        </button>
      ) : (
        <form
          className="terms-form"
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-labelledby={`${id}-heading`}
        >
          <h4 id={`${id}-heading`}>Change your inbox&rsquo;s terms</h4>
          <p className="terms-floors">{FLOORS_IN_WORDS}</p>
          <p className="muted">
            A change takes effect 24 hours after you save it. {who} is told at once; until then your current terms
            apply.
          </p>
          <fieldset>
            <legend>When messages reach you</legend>
            <label className="choice">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={draft.mode === 'immediate'}
                onChange={() => change({ mode: 'immediate' })}
              />
              As soon as they are sent
            </label>
            <label className="choice">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={draft.mode === 'windows'}
                onChange={() => change({ mode: 'windows' })}
              />
              At set times each week
            </label>
          </fieldset>
          {draft.mode === 'windows' && (
            <fieldset
              className={windowsNote ? 'field--needs-attention' : undefined}
              aria-describedby={windowsNote ? `${id}-windows-note` : undefined}
            >
              <legend>Delivery times</legend>
              <p className="field__hint">Messages sent in between wait for the next of these times.</p>
              <ul className="window-rows">
                {draft.windows.map((row, index) => (
                  <li key={row.key} className="window-row">
                    <span className="window-row__field">
                      <label htmlFor={`${id}-day-${row.key}`}>Day {index + 1}</label>
                      <select
                        id={`${id}-day-${row.key}`}
                        value={row.weekday}
                        onChange={(event) => setRow(row.key, 'weekday', event.target.value)}
                      >
                        {WEEKDAY_NAMES.map((name, day) => (
                          <option key={name} value={String(day + 1)}>
                            {name}
                          </option>
                        ))}
                      </select>
                    </span>
                    <span className="window-row__field">
                      <label htmlFor={`${id}-time-${row.key}`}>Time {index + 1}</label>
                      <input
                        id={`${id}-time-${row.key}`}
                        type="time"
                        step={60}
                        value={row.time}
                        onChange={(event) => setRow(row.key, 'time', event.target.value)}
                      />
                    </span>
                    <button
                      type="button"
                      className="button--quiet"
                      aria-label={`Remove delivery time ${index + 1}`}
                      onClick={() =>
                        change({ windows: draft.windows.filter((candidate) => candidate.key !== row.key) })
                      }
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="button--quiet"
                onClick={() => change({ windows: [...draft.windows, newWindowRow()] })}
              >
                Add a delivery time
              </button>
              {windowsNote && (
                <p className="field__message" id={`${id}-windows-note`}>
                  {windowsNote}
                </p>
              )}
            </fieldset>
          )}
          <div className={quotaNote ? 'field field--needs-attention' : 'field'}>
            <label htmlFor={`${id}-quota`}>Messages a day from {who}</label>
            <p className="field__hint" id={`${id}-quota-hint`}>
              Urgent messages count too. Attempts over this are kept in the record, not delivered.
            </p>
            <input
              id={`${id}-quota`}
              type="number"
              inputMode="numeric"
              min={2}
              max={50}
              value={draft.dailyQuota}
              aria-invalid={quotaNote ? true : undefined}
              aria-describedby={quotaNote ? `${id}-quota-hint ${id}-quota-note` : `${id}-quota-hint`}
              onChange={(event) => change({ dailyQuota: event.target.value })}
              onBlur={(event) => {
                if (leavesForSubmit(event)) return;
                const check = checkInboxDraft(draft);
                if (!check.ok && check.problems.dailyQuota)
                  setShownProblems((shown) => ({ ...shown, dailyQuota: check.problems.dailyQuota }));
              }}
            />
            {quotaNote && (
              <p className="field__message" id={`${id}-quota-note`}>
                {quotaNote}
              </p>
            )}
          </div>
          <FormMessage>
            {shownProblems.windows || shownProblems.dailyQuota
              ? [<p key="look">Some details need another look; see the notes next to them.</p>]
              : formLevelMessages(error, ['cadence', 'dailyQuota']).map((message) => <p key={message}>{message}</p>)}
          </FormMessage>
          <div className="button-row">
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save, in force in 24 hours'}
            </button>
            <button type="button" className="button--quiet" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </>
  );
}

function SharedTermsSection(props: {
  caseId: string;
  settings: CaseSettings;
  parents: readonly CaseParent[];
  me: string;
  timeZone: string;
  onChanged: () => void;
}) {
  const { settings, parents } = props;
  const facts = sharedTermsInWords(settings.shared, parents);
  return (
    <section className="card" aria-labelledby="shared-terms-heading">
      <h3 id="shared-terms-heading">Shared terms</h3>
      <p className="muted">These change only when one of you proposes and the other accepts.</p>
      <dl className="facts">
        {facts.map(({ term, words }) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{words}</dd>
          </Fragment>
        ))}
      </dl>
      {settings.pendingProposal ? (
        <PendingProposal {...props} proposal={settings.pendingProposal} />
      ) : parents.length < 2 ? (
        <p>Changes can be proposed once the other parent has joined.</p>
      ) : (
        <ProposeForm caseId={props.caseId} shared={settings.shared} parents={parents} onProposed={props.onChanged} />
      )}
    </section>
  );
}

function PendingProposal({
  caseId,
  proposal,
  parents,
  me,
  timeZone,
  onChanged,
}: {
  caseId: string;
  proposal: Proposal;
  parents: readonly CaseParent[];
  me: string;
  timeZone: string;
  onChanged: () => void;
}) {
  const api = useApiClient();
  const { busy, error, run } = useSubmission();
  const mine = proposal.proposedBy === me;
  const proposer = parents.find((parent) => parent.userId === proposal.proposedBy)?.displayName ?? 'The other parent';
  const other = parents.find((parent) => parent.userId !== me)?.displayName ?? 'the other parent';
  const answer = (choice: ProposalAnswer) =>
    run(async () => {
      await answerProposal(api, caseId, proposal.id, choice);
      onChanged();
    });
  return (
    <div className="terms-proposal" role="group" aria-labelledby="proposal-heading">
      <h4 id="proposal-heading">{mine ? 'Your proposal, waiting for an answer' : `${proposer} proposes a change`}</h4>
      <p className="muted">
        Proposed {shortCaseTime(proposal.createdAt, timeZone)}. Nothing changes unless it is accepted.
      </p>
      <ul>
        {changesInWords(proposal.changes, parents).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <FormMessage>{error && <p>{problemSentence(error)}</p>}</FormMessage>
      <div className="button-row">
        {mine ? (
          <>
            <p className="muted">Waiting for {other}&rsquo;s answer.</p>
            <button type="button" className="button--quiet" disabled={busy} onClick={() => void answer('withdraw')}>
              Withdraw the proposal
            </button>
          </>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => void answer('accept')}>
              Accept
            </button>
            <button type="button" className="button--quiet" disabled={busy} onClick={() => void answer('decline')}>
              Decline
            </button>
          </>
        )}
      </div>
    </div>
  );
}

function ProposeForm({
  caseId,
  shared,
  parents,
  onProposed,
}: {
  caseId: string;
  shared: SharedTerms;
  parents: readonly CaseParent[];
  onProposed: () => void;
}) {
  const api = useApiClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const initial: SharedDraft = {
    urgentPer30Days: String(shared.urgentPer30Days),
    showReadTimes: shared.showReadTimes ? 'shown' : 'hidden',
    firstParentPercent: String(shared.split.firstParentBasisPoints / 100),
  };
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Partial<Record<keyof SharedDraft | 'form', string>>>({});
  const { busy, error, run } = useSubmission();
  const first = parents[0]?.displayName ?? 'The parent who created the case';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = sharedChanges(draft, shared);
    if (Object.keys(checked.problems).length > 0) return setProblems(checked.problems);
    if (Object.keys(checked.changes).length === 0)
      return setProblems({ form: 'Change at least one of the terms to propose it.' });
    setProblems({});
    await run(async () => {
      await proposeSharedTerms(api, caseId, checked.changes);
      setOpen(false);
      onProposed();
    });
  };

  if (!open) {
    return (
      <button
        type="button"
        className="button--quiet"
        onClick={() => {
          setDraft(initial);
          setOpen(true);
        }}
      >
        Propose a change
      </button>
    );
  }
  const note = (field: keyof SharedDraft, apiField: string) => problems[field] ?? fieldMessage(error, apiField);
  return (
    <form className="terms-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Propose a change</h4>
      <p className="muted">
        The other parent sees your proposal here and can accept or decline it. Until then, nothing changes.
      </p>
      <NumberField
        id={`${id}-urgent`}
        label="Urgent messages each, in any 30 days"
        hint="0 turns urgent messages off."
        min={0}
        max={10}
        value={draft.urgentPer30Days}
        note={note('urgentPer30Days', 'changes')}
        onChange={(value) => setDraft({ ...draft, urgentPer30Days: value })}
      />
      <fieldset>
        <legend>Read times</legend>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-read`}
            checked={draft.showReadTimes === 'shown'}
            onChange={() => setDraft({ ...draft, showReadTimes: 'shown' })}
          />
          The sender sees when a message was first opened
        </label>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-read`}
            checked={draft.showReadTimes === 'hidden'}
            onChange={() => setDraft({ ...draft, showReadTimes: 'hidden' })}
          />
          The sender does not see it
        </label>
      </fieldset>
      <NumberField
        id={`${id}-split`}
        label={`${first}’s share of shared expenses, in percent`}
        hint="The other parent pays the rest."
        min={0}
        max={100}
        value={draft.firstParentPercent}
        note={note('firstParentPercent', 'changes')}
        onChange={(value) => setDraft({ ...draft, firstParentPercent: value })}
      />
      <FormMessage>
        {problems.form ? (
          <p>{problems.form}</p>
        ) : (
          formLevelMessages(error, []).map((message) => <p key={message}>{message}</p>)
        )}
      </FormMessage>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send the proposal'}
        </button>
        <button type="button" className="button--quiet" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NumberField(props: {
  id: string;
  label: string;
  hint: string;
  min: number;
  max: number;
  value: string;
  note?: string;
  onChange: (value: string) => void;
}) {
  const { id, label, hint, min, max, value, note, onChange } = props;
  return (
    <div className={note ? 'field field--needs-attention' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        value={value}
        aria-invalid={note ? true : undefined}
        aria-describedby={note ? `${id}-hint ${id}-note` : `${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      {note && (
        <p className="field__message" id={`${id}-note`}>
          {note}
        </p>
      )}
    </div>
  );
}
