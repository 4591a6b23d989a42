import { useEffect, useMemo, useState } from 'react';
import type { ChainVerification } from '@parallel/domain';
import type { LedgerEntry } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryView } from '../../components/QueryView';
import { verifyOnServer, type RecordPaths } from './recordApi';
import {
  browserCheckInWords,
  entryInWords,
  serverCheckInWords,
  type CheckInWords,
  type RecordReader,
} from './recordInWords';
import { verifyInBrowser } from './verifyInBrowser';

// The parts of the record page that a parent's page and a professional's read-only view share.

/** Entries put on screen at a time; the whole record is read and checked regardless. */
const SHOWN_AT_A_TIME = 100;

export interface RecordRead {
  head: { seq: number; hash: string };
  entries: LedgerEntry[];
}

/** "Is the record unaltered?": this browser's own check beside the server's. */
export function RecordChecks({ caseId, read, paths }: { caseId: string; read: RecordRead; paths: RecordPaths }) {
  return (
    <section className="card" aria-labelledby="record-checks-heading">
      <h3 id="record-checks-heading">Is the record unaltered?</h3>
      <div className="record-checks">
        <BrowserCheck caseId={caseId} read={read} />
        <ServerCheck paths={paths} headSeq={read.head.seq} />
      </div>
      <p className="muted">
        Each entry is chained to the one before it by a SHA-256 hash. This browser recomputed every hash itself, without
        relying on Parallel&rsquo;s server, and compared the last one with the case&rsquo;s head (entry{' '}
        {read.head.seq.toLocaleString('en')}, <span className="record-hash">{read.head.hash.slice(0, 16)}…</span>).
      </p>
    </section>
  );
}

type BrowserCheckState =
  { status: 'checking' } | { status: 'done'; result: ChainVerification } | { status: 'failed'; message: string };

function BrowserCheck({ caseId, read }: { caseId: string; read: RecordRead }) {
  const [state, setState] = useState<BrowserCheckState>({ status: 'checking' });
  useEffect(() => {
    let current = true;
    setState({ status: 'checking' });
    verifyInBrowser({ caseId, entries: read.entries, head: read.head }).then(
      (result) => current && setState({ status: 'done', result }),
      (error: unknown) =>
        current && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [caseId, read]);
  return (
    <div className="record-check">
      <p className="record-check__label">This browser</p>
      {state.status === 'checking' && (
        <p className="muted" role="status">
          Checking {read.entries.length.toLocaleString('en')} entries in this browser…
        </p>
      )}
      {state.status === 'done' && <CheckResult words={browserCheckInWords(state.result)} />}
      {state.status === 'failed' && (
        <p role="status">
          The check could not run in this browser ({state.message}). The server&rsquo;s check is beside it.
        </p>
      )}
    </div>
  );
}

function ServerCheck({ paths, headSeq }: { paths: RecordPaths; headSeq: number }) {
  const check = useApiQuery(['record-verify', paths.verify, headSeq], (api) => verifyOnServer(api, paths));
  return (
    <div className="record-check">
      <p className="record-check__label">Parallel&rsquo;s server</p>
      <QueryView
        query={check}
        loading="The server is checking the record…"
        failed="The server's check could not be asked for."
      >
        {(result) => <CheckResult words={serverCheckInWords(result)} />}
      </QueryView>
    </div>
  );
}

function CheckResult({ words }: { words: CheckInWords }) {
  return (
    <div className={`record-check__result record-check__result--${words.tone}`} role="status">
      <p>
        <strong>{words.sentence}</strong>
      </p>
      {words.detail && <p>{words.detail}</p>}
    </div>
  );
}

/**
 * Whether the held-back attempts aimed at the reader show their texts. `heldFrom` is whose
 * inbox they were kept from: null for the reader themself, a parent's name for the
 * professional that parent gave access to.
 */
export function HeldBack({
  revealed,
  onChange,
  heldFrom = null,
}: {
  revealed: boolean;
  onChange: (reveal: boolean) => void;
  heldFrom?: string | null;
}) {
  const words =
    heldFrom === null
      ? {
          heading: 'Attempts held back from you',
          revealed:
            'The texts of messages held back by your inbox’s limits are shown below, where they were recorded. They never reached your inbox.',
          sealed:
            'Messages the other parent tried to send over your inbox’s limits never reached you. They are kept in the record, sealed in this view, as evidence. You do not have to read them; you can choose to.',
        }
      : {
          heading: `Attempts held back from ${heldFrom}`,
          revealed: `The texts of messages held back by ${heldFrom}’s inbox limits are shown below, where they were recorded. They never reached ${heldFrom}’s inbox.`,
          sealed: `Messages the other parent tried to send over ${heldFrom}’s inbox limits never reached ${heldFrom}. They are kept in the record as evidence, sealed in this view as they are for ${heldFrom}; you can open them.`,
        };
  return (
    <section className="card" aria-labelledby="held-back-heading">
      <h3 id="held-back-heading">{words.heading}</h3>
      <p>{revealed ? words.revealed : words.sealed}</p>
      <button type="button" className="button--quiet" onClick={() => onChange(!revealed)}>
        {revealed ? 'Seal them again' : 'Show the held-back attempts'}
      </button>
    </section>
  );
}

/** Every entry, one plain sentence each (the court PDF's words), a hundred at a time. */
export function Entries({ entries, reader }: { entries: readonly LedgerEntry[]; reader: RecordReader }) {
  const [shown, setShown] = useState(SHOWN_AT_A_TIME);
  const { userId, parents, timeZone } = reader;
  const words = useMemo(
    () => entries.slice(0, shown).map((entry) => entryInWords(entry, { userId, parents, timeZone })),
    [entries, shown, userId, parents, timeZone],
  );
  const left = entries.length - words.length;
  return (
    <section aria-labelledby="entries-heading">
      <h3 id="entries-heading">Entries</h3>
      {entries.length === 0 ? (
        <p>The record has no entries yet.</p>
      ) : (
        <ol className="record-entries" aria-labelledby="entries-heading">
          {words.map((entry) => (
            <li key={entry.seq} className={entry.sealed ? 'record-entry record-entry--sealed' : 'record-entry'}>
              <p className="record-entry__when">
                <span className="record-entry__seq">Entry {entry.seq}</span> {entry.when}
              </p>
              <p className="record-entry__sentence">{entry.sentence}</p>
              {entry.text !== null && (
                <details className="record-entry__text">
                  <summary>The text, as sent</summary>
                  <p>{entry.text}</p>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
      {left > 0 && (
        <button type="button" className="button--quiet" onClick={() => setShown((count) => count + SHOWN_AT_A_TIME)}>
          Show {Math.min(left, SHOWN_AT_A_TIME)} more of {left.toLocaleString('en')} later entries
        </button>
      )}
    </section>
  );
}
