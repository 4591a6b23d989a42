import { PROFESSIONAL_ROLE_WORDS } from '@parallel/domain';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { useApiQuery } from '../../api/useApiQuery';
import { FormMessage } from '../../components/FormMessage';
import { problemSentence } from '../../components/formErrors';
import { QueryView } from '../../components/QueryView';
import { useSubmission } from '../../components/useSubmission';
import { formatList } from '../../format';
import { ExportPanel } from '../record/ExportPanel';
import { MessagesChart } from '../record/MessagesChart';
import { PROFESSIONAL_RECORD_PATHS, readRecordUpTo } from '../record/recordApi';
import type { RecordReader } from '../record/recordInWords';
import { Entries, HeldBack, RecordChecks, type RecordRead } from '../record/RecordParts';
import { closeVisit, currentVisit, type ProfessionalView } from './accessApi';
import { accessEndInWords } from './accessWords';
import { visitProblemInWords } from './visitWords';
import './professional-access.css';

/**
 * The record as the professional may see it: as the parent who gave the access sees it,
 * checked in this browser and by the server, with the export for court. Read-only: there is
 * nothing here to send, answer or change.
 */
export function ProfessionalRecordView({ view, onClosed }: { view: ProfessionalView; onClosed: () => void }) {
  const api = useApiClient();
  const [revealHeldBack, setRevealHeldBack] = useState(false);
  const [readSoFar, setReadSoFar] = useState(0);
  const closing = useSubmission();
  const item = view.case;
  const giver = view.grantedBy.displayName;

  // The head is asked for again first and the record read up to it, so both describe the same moment.
  const record = useApiQuery(['professional-record', item.id, revealHeldBack], async (client): Promise<RecordRead> => {
    const fresh = await currentVisit(client);
    const entries = await readRecordUpTo(client, PROFESSIONAL_RECORD_PATHS, fresh.case.ledgerHead.seq, {
      revealHeldBack,
      onProgress: setReadSoFar,
    });
    return { head: fresh.case.ledgerHead, entries };
  });
  const reader: RecordReader = { userId: '', parents: item.parents, timeZone: item.timeZone };
  const close = () =>
    closing.run(async () => {
      await closeVisit(api);
      onClosed();
    });

  return (
    <>
      <header className="case-header">
        <p className="case-header__kind">Shared case record, read-only</p>
        <h1>{item.name}</h1>
        <p className="case-header__people">
          {item.children.length > 0 ? `${formatList(item.children)} · ` : ''}
          {formatList(item.parents.map((parent) => parent.displayName))}
        </p>
      </header>
      <section className="professional-banner" aria-label="Your access">
        <p>
          You are reading this record as {view.professional.name}, {PROFESSIONAL_ROLE_WORDS[view.professional.role]},
          with access given by {giver}. You can read it and export it for court; nothing here sends messages or changes
          anything.
        </p>
        <p>
          Your access lasts until {accessEndInWords(view.expiresAt, item.timeZone)}. Opening the record and each export
          are recorded in it, and both parents can see them.
        </p>
        <button type="button" className="button--quiet" disabled={closing.busy} onClick={() => void close()}>
          {closing.busy ? 'Closing…' : 'Close this view'}
        </button>
        <FormMessage>{closing.error ? problemSentence(closing.error) : null}</FormMessage>
      </section>
      <section aria-labelledby="record-heading">
        <h2 id="record-heading">Record</h2>
        <p className="intro">
          Everything recorded in this case, in order, dated by the server, as {giver} sees it. Nothing in it can be
          edited or deleted. Times are in {item.timeZone}.
        </p>
        <QueryView
          query={record}
          loading={
            readSoFar > 0
              ? `Reading the record: ${readSoFar.toLocaleString('en')} entries so far…`
              : 'Reading the record…'
          }
          failure={(error) => (
            <div className="notice" role="status">
              <p>{visitProblemInWords(error)}</p>
            </div>
          )}
        >
          {(read) => (
            <>
              <RecordChecks caseId={item.id} read={read} paths={PROFESSIONAL_RECORD_PATHS} />
              <MessagesChart entries={read.entries} parents={item.parents} timeZone={item.timeZone} />
              <ExportPanel caseId={item.id} exportsPath={PROFESSIONAL_RECORD_PATHS.exports} timeZone={item.timeZone} reader="professional" />
              <HeldBack revealed={revealHeldBack} onChange={setRevealHeldBack} heldFrom={giver} />
              <Entries entries={read.entries} reader={reader} />
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}
