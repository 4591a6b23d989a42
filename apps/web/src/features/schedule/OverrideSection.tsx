import { useState } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { useSubmission } from '../../components/useSubmission';
import { OverrideForm } from './OverrideForm';
import type { ParentMark } from './parentMarks';
import { proposeOverride, type Override } from './scheduleApi';
import { overrideInWords } from './scheduleWords';

/** Holidays and other blocks over the plan: those agreed and still to come, and one to propose. */
export function OverrideSection({
  caseId,
  overrides,
  marks,
  today,
  onChanged,
}: {
  caseId: string;
  overrides: readonly Override[];
  marks: readonly ParentMark[];
  today: string;
  onChanged: () => void;
}) {
  const api = useApiClient();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useSubmission();
  const agreed = overrides.filter(
    (override) => override.status === 'accepted' && (override.alternateYears || override.endDate >= today),
  );
  return (
    <section className="card" aria-labelledby="overrides-heading">
      <h3 id="overrides-heading">Holidays and other changes</h3>
      {agreed.length === 0 ? (
        <p className="muted">None agreed yet.</p>
      ) : (
        <ul className="plain-list">
          {agreed.map((override) => (
            <li key={override.id}>{overrideInWords(override, marks)}</li>
          ))}
        </ul>
      )}
      <p role="status">
        {sent && !open && overrides.some((override) => override.status === 'pending')
          ? 'Your proposal is sent. It is shown at the top until it is answered.'
          : ''}
      </p>
      {marks.length < 2 ? null : open ? (
        <OverrideForm
          marks={marks}
          today={today}
          busy={busy}
          error={error}
          onCancel={() => setOpen(false)}
          onPropose={(body) =>
            void run(async () => {
              await proposeOverride(api, caseId, body);
              setOpen(false);
              setSent(true);
              onChanged();
            })
          }
        />
      ) : (
        <button
          type="button"
          className="button--quiet"
          onClick={() => {
            setSent(false);
            setOpen(true);
          }}
        >
          Propose a holiday or other change
        </button>
      )}
    </section>
  );
}
