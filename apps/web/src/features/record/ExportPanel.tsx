import { useState } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { CaseExport, CaseExportPage, NewExport } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { QueryView } from '../../components/QueryView';
import { useSubmission } from '../../components/useSubmission';
import { EXPORT_SECTION_CHOICES as SECTIONS, exportMakerInWords, exportRangeInWords, exportSectionsInWords, exportTimeInWords, type ExportSection as Section } from './exportWords';
import { earlierExports } from './recordApi';

type Download = { file: 'pdf' | 'bundle'; bytes: number } | null;

interface ExportPanelProps {
  caseId: string;
  /** Where the reader makes and lists exports: a parent's case, or a professional's visit. */
  exportsPath: string;
  /** The case's zone: when each earlier export was made is written in it, as every time of the record. */
  timeZone: string;
  reader?: 'parent' | 'professional';
  /** The signed-in parent, named "you" among the makers of earlier exports. */
  readerId?: string;
}

/**
 * "Export for court": choose the days and what the PDF prints, make the export (itself
 * recorded), then download the PDF or the signed bundle, with progress for a long record;
 * below, the earlier exports the reader may download again (a professional sees only their own).
 */
export function ExportPanel({ caseId, exportsPath, timeZone, reader = 'parent', readerId }: ExportPanelProps) {
  const api = useApiClient();
  const earlier = useApiQuery(['exports', exportsPath], (client) => earlierExports(client, exportsPath));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sections, setSections] = useState<Set<Section>>(new Set(SECTIONS.map((section) => section.value)));
  const [made, setMade] = useState<CaseExport | null>(null);
  const [download, setDownload] = useState<Download>(null);
  const submission = useSubmission();
  const downloading = useSubmission();

  const make = () =>
    submission.run(async () => {
      const body: NewExport = { sections: SECTIONS.map((section) => section.value).filter((value) => sections.has(value)) };
      if (from) body.from = from;
      if (to) body.to = to;
      const exported = await api.send<CaseExport>('POST', exportsPath, body);
      setMade(exported);
      earlier.setData((page) => ({ ...page, items: [exported, ...page.items.filter((item) => item.id !== exported.id)] }));
    });

  const older = useSubmission();
  const showOlder = (shown: CaseExportPage) =>
    older.run(async () => {
      const next = await earlierExports(api, exportsPath, shown.nextCursor);
      earlier.setData((page) => ({ items: [...page.items, ...next.items.filter((item) => !page.items.some((known) => known.id === item.id))], nextCursor: next.nextCursor }));
    });

  const fetchFile = (file: 'pdf' | 'bundle', exported: CaseExport) =>
    downloading.run(async () => {
      setDownload({ file, bytes: 0 });
      try {
        const blob = await api.download(file === 'pdf' ? exported.pdfUrl : exported.bundleUrl, (bytes) => setDownload({ file, bytes }));
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = `record-${caseId.slice(0, 8)}-${exported.ledgerSeq}.${file === 'pdf' ? 'pdf' : 'zip'}`;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      } finally {
        setDownload(null);
      }
    });

  return (
    <section className="card" aria-labelledby="export-heading">
      <h3 id="export-heading">Export for court</h3>
      <p>
        A PDF a judge can read, and a signed file (.zip) that anyone can check is complete and unaltered. Making an export is itself recorded, and{' '}
        {reader === 'parent' ? 'the other parent can see that it was made.' : 'both parents can see that you made it.'}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void make();
        }}
      >
        <div className="export-range">
          <TextField label="From (optional)" type="date" value={from} onChange={setFrom} error={submission.error?.fieldError('from')} hint="First day printed" />
          <TextField label="To (optional)" type="date" value={to} onChange={setTo} error={submission.error?.fieldError('to')} hint="Last day printed" />
        </div>
        <fieldset>
          <legend>What the PDF prints after its summary</legend>
          {SECTIONS.map((section) => (
            <label key={section.value} className="checkbox">
              <input
                type="checkbox"
                checked={sections.has(section.value)}
                onChange={(event) => {
                  const next = new Set(sections);
                  if (event.target.checked) next.add(section.value);
                  else next.delete(section.value);
                  setSections(next);
                }}
              />{' '}
              {section.label} <span className="muted">({section.hint})</span>
            </label>
          ))}
        </fieldset>
        <p className="muted">The signed file always holds the whole record, whatever the PDF prints.</p>
        <button type="submit" disabled={submission.busy}>
          {submission.busy ? 'Making the export…' : 'Make the export'}
        </button>
        <FormMessage>{submission.error && !submission.error.fieldError('from') && !submission.error.fieldError('to') ? submission.error.message : null}</FormMessage>
      </form>
      {made && (
        <div className="export-made">
          <p role="status">
            Export made: the record up to entry {made.ledgerSeq.toLocaleString('en')}, signed by the key <code className="record-hash">{made.keyFingerprint}</code>.
          </p>
          <div className="export-downloads">
            <button type="button" onClick={() => void fetchFile('pdf', made)} disabled={downloading.busy}>
              Download the PDF
            </button>
            <button type="button" onClick={() => void fetchFile('bundle', made)} disabled={downloading.busy}>
              Download the signed file (.zip)
            </button>
          </div>
          <p className="muted">
            To check a signed file, open <a href="/verify">Check an exported record</a>, or follow docs/record-format.md with standard tools.
          </p>
        </div>
      )}
      <p className="muted" role="status" aria-live="polite">
        {download ? `Preparing the ${download.file === 'pdf' ? 'PDF' : 'signed file'}: ${(download.bytes / 1_000_000).toFixed(1)} MB received…` : ''}
      </p>
      <FormMessage>{downloading.error?.message}</FormMessage>
      <section className="earlier-exports" aria-labelledby="earlier-exports-heading">
        <h4 id="earlier-exports-heading">Earlier exports</h4>
        <QueryView query={earlier} loading="Reading the earlier exports…" failed="The earlier exports could not be read.">
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">{reader === 'parent' ? 'No export of this record has been made yet.' : 'You have not made an export with this access yet.'}</p>
            ) : (
              <>
                {reader === 'professional' && <p className="muted">The exports you made with this access. Those made by the parents are theirs to share.</p>}
                <ul className="earlier-exports__list" aria-labelledby="earlier-exports-heading">
                  {page.items.map((item) => {
                    const when = exportTimeInWords(item, timeZone);
                    const which = `of the export made ${when}, up to entry ${item.ledgerSeq.toLocaleString('en')}`;
                    return (
                      <li key={item.id} className="earlier-exports__item" aria-labelledby={`export-${item.id}`}>
                        <h5 id={`export-${item.id}`}>{when}</h5>
                        <p>
                          By {exportMakerInWords(item, readerId)}. {exportRangeInWords(item)}; the PDF prints {exportSectionsInWords(item.sections)}.
                        </p>
                        <p className="muted">The signed file holds the record up to entry {item.ledgerSeq.toLocaleString('en')}.</p>
                        <div className="export-downloads">
                          <button type="button" onClick={() => void fetchFile('pdf', item)} disabled={downloading.busy}>
                            Download the PDF <span className="visually-hidden">{which}</span>
                          </button>
                          <button type="button" onClick={() => void fetchFile('bundle', item)} disabled={downloading.busy}>
                            Download the signed file (.zip) <span className="visually-hidden">{which}</span>
                          </button>
                        </div>
                      </li>
                    );
                  })}
                </ul>
                {page.nextCursor !== null && (
                  <>
                    <button type="button" onClick={() => void showOlder(page)} disabled={older.busy}>
                      {older.busy ? 'Reading older exports…' : 'Show older exports'}
                    </button>
                    <FormMessage>{older.error?.message}</FormMessage>
                  </>
                )}
              </>
            )
          }
        </QueryView>
      </section>
    </section>
  );
}
