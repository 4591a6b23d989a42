import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryView } from '../../components/QueryView';
import { useSession } from '../auth/SessionProvider';
import { useCurrentCase } from '../cases/CaseLayout';
import { LiveStatus } from '../live/LiveStatus';
import { useCaseEvents } from '../live/useCaseEvents';
import { ProfessionalAccessPanel } from '../professional-access/ProfessionalAccessPanel';
import { caseRecordPaths, readRecordUpTo } from './recordApi';
import type { RecordReader } from './recordInWords';
import { ExportPanel } from './ExportPanel';
import { MessagesChart } from './MessagesChart';
import { Entries, HeldBack, RecordChecks, type RecordRead } from './RecordParts';

/** A parent's record page: the record read, checked and exported, and the professional access given to it. */
export function RecordView() {
  const item = useCurrentCase();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const revealHeldBack = params.get('revealHeldBack') === 'true';
  const [readSoFar, setReadSoFar] = useState(0);
  const [grown, setGrown] = useState(false);
  const paths = caseRecordPaths(item.id);

  // The head is asked for first and the record read up to it, so both describe the same moment.
  const record = useApiQuery(['record', item.id, revealHeldBack], async (api): Promise<RecordRead> => {
    const fresh = await api.getCase(item.id);
    const entries = await readRecordUpTo(api, caseRecordPaths(item.id), fresh.ledgerHead.seq, {
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
            <RecordChecks caseId={item.id} read={read} paths={paths} />
            <MessagesChart entries={read.entries} parents={item.parents} timeZone={item.timeZone} />
            <ExportPanel caseId={item.id} exportsPath={paths.exports} timeZone={item.timeZone} readerId={reader.userId} />
            <ProfessionalAccessPanel caseId={item.id} userId={reader.userId} parents={item.parents} timeZone={item.timeZone} />
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
