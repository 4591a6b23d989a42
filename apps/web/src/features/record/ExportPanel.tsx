import { useState } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { CaseExport, NewExport } from '../../api/types';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useSubmission } from '../../components/useSubmission';

type Section = NonNullable<NewExport['sections']>[number];

const SECTIONS: { value: Section; label: string; hint: string }[] = [
  { value: 'messages', label: 'Messages', hint: 'every message with its full text, when it was sent, delivered and first read' },
  { value: 'held-back', label: 'Held-back attempts', hint: 'messages kept out of an inbox by its limits, with their text' },
  { value: 'terms', label: 'Terms of contact', hint: 'the first terms, each proposal and answer, each inbox change' },
  { value: 'schedule', label: 'Schedule', hint: 'plans and their answers, single-day changes, swaps and exchange check-ins' },
  { value: 'expenses', label: 'Expenses and payments', hint: 'each expense with its answer, each payment with its confirmation' },
  { value: 'other', label: 'Other entries', hint: 'everything else in the record, one sentence each' },
];

type Download = { file: 'pdf' | 'bundle'; bytes: number } | null;

/**
 * "Export for court": choose the days and what the PDF prints, make the export (itself
 * recorded), then download the PDF or the signed bundle, with progress for a long record.
 * `exportsPath` is where the reader makes exports: a parent's case, or a professional's visit.
 */
export function ExportPanel({ caseId, exportsPath, reader = 'parent' }: { caseId: string; exportsPath: string; reader?: 'parent' | 'professional' }) {
  const api = useApiClient();
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
      setMade(await api.send<CaseExport>('POST', exportsPath, body));
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
          <p className="muted" role="status" aria-live="polite">
            {download ? `Preparing the ${download.file === 'pdf' ? 'PDF' : 'signed file'}: ${(download.bytes / 1_000_000).toFixed(1)} MB received…` : ''}
          </p>
          <FormMessage>{downloading.error?.message}</FormMessage>
          <p className="muted">
            To check a signed file, open <a href="/verify">Check an exported record</a>, or follow docs/record-format.md with standard tools.
          </p>
        </div>
      )}
    </section>
  );
}
