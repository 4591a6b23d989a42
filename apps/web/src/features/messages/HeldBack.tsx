import { useState } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { asApiError, type ApiError } from '../../api/client';
import type { HeldBack } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { LoadProblem, QueryView } from '../../components/QueryView';
import { ShieldedText } from '../shield/ShieldedText';
import { listHeldBack, otherInboxDailyQuota, othersHeldBackCounts, type HeldBackPage } from './messagesApi';
import { heldBackReason, heldBackSummaryLine, longWhen, shortWhen, TOPIC_LABELS, type Limits } from './messageWords';

interface Common {
  caseId: string;
  now: Date;
  timeZone: string;
}

/** An answer a page may not get yet (an endpoint still to come, 404) is no failure: nothing is shown. */
function notThereYet(error: ApiError): boolean {
  return error.status === 404;
}

/**
 * The sender's own attempts that were held back over the limits, with their text and the
 * reason in plain words. Shown under the sent messages; nothing when there are none.
 */
export function OwnHeldBack({ caseId, now, timeZone, userId, limits }: Common & { userId: string; limits: Limits }) {
  const query = useApiQuery(['held-back', caseId], (api) => listHeldBack(api, caseId));
  // The daily cap is the other parent's inbox term; the words leave the number out if it cannot be read.
  const cap = useApiQuery(['allowance-cap', caseId], (api) => otherInboxDailyQuota(api, caseId).catch(() => null));
  const dailyQuota = cap.status === 'loaded' && cap.data !== null ? cap.data : limits.dailyQuota;
  return (
    <QueryView
      query={query}
      loading="Loading messages that were not delivered…"
      failure={(error) =>
        notThereYet(error) ? null : (
          <LoadProblem
            what="Messages that were not delivered could not be loaded."
            error={error}
            onRetry={query.reload}
          />
        )
      }
    >
      {(page) => {
        // Only one's own: an API that lists both parents' attempts here is filtered, never shown.
        const own = page.items.filter((attempt) => attempt.senderId === userId);
        if (own.length === 0) return null;
        return (
          <section className="held-back" aria-labelledby="own-held-back-heading">
            <h2 id="own-held-back-heading">Not delivered</h2>
            <p className="muted">
              These were sent over the limits in force. They did not reach the other parent and are kept in the record.
            </p>
            <HeldBackList attempts={own} now={now} timeZone={timeZone} limits={{ ...limits, dailyQuota }} />
          </section>
        );
      }}
    </QueryView>
  );
}

/**
 * The recipient's view of the other parent's held-back attempts: one calm line with how
 * many, and their texts only on an explicit choice, behind a button that says what it shows.
 */
export function OthersHeldBack({
  caseId,
  now,
  timeZone,
  limits,
  shieldOn,
}: Common & { limits: Limits; shieldOn: boolean }) {
  const api = useApiClient();
  const summary = useApiQuery(['held-back-summary', caseId], (client) => othersHeldBackCounts(client, caseId));
  const [revealed, setRevealed] = useState<
    | { status: 'hidden' }
    | { status: 'loading' }
    | { status: 'shown'; page: HeldBackPage }
    | { status: 'failed'; error: ApiError }
  >({ status: 'hidden' });

  if (summary.status !== 'loaded' || summary.data.total === 0) return null;
  const count = summary.data.total;

  const reveal = () => {
    setRevealed({ status: 'loading' });
    listHeldBack(api, caseId, { of: 'other' }).then(
      (page) => setRevealed({ status: 'shown', page }),
      (error: unknown) => setRevealed({ status: 'failed', error: asApiError(error) }),
    );
  };

  return (
    <section className="held-back held-back--other" aria-labelledby="others-held-back-heading">
      <h2 id="others-held-back-heading" className="messages__sr-only">
        Held back for the record
      </h2>
      <p>{heldBackSummaryLine(summary.data)}.</p>
      {revealed.status === 'shown' ? (
        <>
          <button type="button" className="button--quiet" onClick={() => setRevealed({ status: 'hidden' })}>
            Hide the held-back texts
          </button>
          <HeldBackList
            attempts={revealed.page.items}
            now={now}
            timeZone={timeZone}
            limits={limits}
            others
            shieldOn={shieldOn}
          />
        </>
      ) : (
        <>
          <button type="button" className="button--quiet" onClick={reveal} disabled={revealed.status === 'loading'}>
            {revealed.status === 'loading'
              ? 'Loading the held-back texts…'
              : count === 1
                ? 'Show the text of this held-back message'
                : `Show the texts of these ${count} held-back messages`}
          </button>
          {revealed.status === 'failed' && (
            <LoadProblem what="The held-back texts could not be loaded." error={revealed.error} onRetry={reveal} />
          )}
        </>
      )}
    </section>
  );
}

function HeldBackList({
  attempts,
  now,
  timeZone,
  limits,
  others = false,
  shieldOn = true,
}: {
  attempts: HeldBack[];
  now: Date;
  timeZone: string;
  limits: Limits;
  /** The other parent's attempts: their text goes through the shield like any received text. */
  others?: boolean;
  shieldOn?: boolean;
}) {
  return (
    <ul className="held-back__list">
      {attempts.map((attempt) => (
        <li key={attempt.id} className="held-back__item">
          <p className="message__meta">
            <strong>{TOPIC_LABELS[attempt.topic]}</strong>
            {attempt.urgent && <span className="message__urgent">Urgent</span>}{' '}
            <time dateTime={attempt.attemptedAt} title={longWhen(attempt.attemptedAt, timeZone)}>
              Attempted {shortWhen(attempt.attemptedAt, now, timeZone)}
            </time>
          </p>
          <p className="message__state">
            {others ? 'Held back, never delivered. Kept in the record.' : heldBackReason(attempt, limits)}
          </p>
          {others ? (
            <ShieldedText text={attempt.text} shieldOn={shieldOn} />
          ) : (
            <p className="message-text">{attempt.text}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
