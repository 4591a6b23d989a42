import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ChainVerification } from '@parallel/domain';
import type { LedgerEntry } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryView } from '../../components/QueryView';
import { useSession } from '../auth/SessionProvider';
import { useCurrentCase } from '../cases/CaseLayout';
import { LiveStatus } from '../live/LiveStatus';
import { useCaseEvents } from '../live/useCaseEvents';
import { readRecordUpTo, verifyOnServer } from './recordApi';
import {
  browserCheckInWords,
  entryInWords,
  serverCheckInWords,
  type CheckInWords,
  type RecordReader,
} from './recordInWords';
import { ExportPanel } from './ExportPanel';
import { MessagesChart } from './MessagesChart';
import { verifyInBrowser } from './verifyInBrowser';

/** Entries put on screen at a time; the whole record is read and checked regardless. */
const SHOWN_AT_A_TIME = 100;

interface RecordRead {
  head: { seq: number; hash: string };
  entries: LedgerEntry[];
}

export function RecordView() {
  const item = useCurrentCase();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const revealHeldBack = params.get('revealHeldBack') === 'true';
  const [readSoFar, setReadSoFar] = useState(0);
  const [grown, setGrown] = useState(false);

  // The head is asked for first and the record read up to it, so both describe the same moment.
  const record = useApiQuery(['record', item.id, revealHeldBack], async (api): Promise<RecordRead> => {
    const fresh = await api.getCase(item.id);
    const entries = await readRecordUpTo(api, item.id, fresh.ledgerHead.seq, {
      revealHeldBack,
      onProgress: setReadSoFar,
    });
    return { head: fresh.ledgerHead, entries };
  });

  const { connected } = useCaseEvents(item.id, () => setGrown(true), { onReconnect: () => setGrown(true) });
  const readAgain = () => {
    setGrown(false);
    setReadSoFar(0);
    record.reload();
  };

  const reader: RecordReader = { userId: user?.id ?? '', parents: item.parents, timeZone: item.timeZone };

  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">Record</h2>
      <p className="intro">
        Everything recorded in this case, in order, dated by the server. Nothing in it can be edited or deleted. Times
        are in {item.timeZone}.
      </p>
      <LiveStatus connected={connected} />
      {grown && (
        <div className="notice" role="status">
          <p>New entries were recorded since this page was opened.</p>
          <button type="button" onClick={readAgain}>
            Read the record again
          </button>
        </div>
      )}
      <QueryView
        query={record}
        loading={
          readSoFar > 0
            ? `Reading the record: ${readSoFar.toLocaleString('en')} entries so far…`
            : 'Reading the record…'
        }
        failed="The record could not be read."
      >
        {(read) => (
          <>
            <section className="card" aria-labelledby="record-checks-heading">
              <h3 id="record-checks-heading">Is the record unaltered?</h3>
              <div className="record-checks">
                <BrowserCheck caseId={item.id} read={read} />
                <ServerCheck caseId={item.id} headSeq={read.head.seq} />
              </div>
              <p className="muted">
                Each entry is chained to the one before it by a SHA-256 hash. This browser recomputed every hash itself,
                without relying on Parallel&rsquo;s server, and compared the last one with the case&rsquo;s head (entry{' '}
                {read.head.seq.toLocaleString('en')},{' '}
                <span className="record-hash">{read.head.hash.slice(0, 16)}…</span>).
              </p>
            </section>
            <MessagesChart entries={read.entries} parents={item.parents} timeZone={item.timeZone} />
            <ExportPanel caseId={item.id} />
            <HeldBack
              revealed={revealHeldBack}
              onChange={(reveal) => setParams(reveal ? { revealHeldBack: 'true' } : {}, { replace: true })}
            />
            <Entries entries={read.entries} reader={reader} />
          </>
        )}
      </QueryView>
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

function ServerCheck({ caseId, headSeq }: { caseId: string; headSeq: number }) {
  const check = useApiQuery(['record-verify', caseId, headSeq], (api) => verifyOnServer(api, caseId));
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

function HeldBack({ revealed, onChange }: { revealed: boolean; onChange: (reveal: boolean) => void }) {
  return (
    <section className="card" aria-labelledby="held-back-heading">
      <h3 id="held-back-heading">Attempts held back from you</h3>
      {revealed ? (
        <>
          <p>
            The texts of messages held back by your inbox&rsquo;s limits are shown below, where they were recorded. They
            never reached your inbox.
          </p>
          <button type="button" className="button--quiet" onClick={() => onChange(false)}>
            Seal them again
          </button>
        </>
      ) : (
        <>
          <p>
            Messages the other parent tried to send over your inbox&rsquo;s limits never reached you. They are kept in
            the record, sealed in this view, as evidence. You do not have to read them; you can choose to.
          </p>
          <button type="button" className="button--quiet" onClick={() => onChange(true)}>
            Show the held-back attempts
          </button>
        </>
      )}
    </section>
  );
}

function Entries({ entries, reader }: { entries: readonly LedgerEntry[]; reader: RecordReader }) {
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
