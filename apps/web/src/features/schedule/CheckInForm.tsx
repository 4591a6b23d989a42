import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';

export type CheckInStatus = 'on_time' | 'late' | 'missed';

/** A check-in as the API takes it (POST .../exchanges/:id/check-ins). */
export interface CheckInBody {
  status: CheckInStatus;
  lateMinutes?: number;
  note?: string;
}

const CHOICES: { status: CheckInStatus; label: string }[] = [
  { status: 'on_time', label: 'On time' },
  { status: 'late', label: 'Late' },
  { status: 'missed', label: 'Missed' },
];
const LATE_PICKS = [5, 15, 30, 60] as const;
const NOTE_MAX = 280;

/**
 * A check-in for one handover, made for a phone: a tap on how it went (on time, late,
 * missed), an optional short note, and a tap to record it. Late asks by how many minutes,
 * with the usual answers one tap away.
 */
export function CheckInForm({
  handoverLabel,
  busy,
  error,
  onRecord,
}: {
  /** "Handover at 18:00, Alex to Sam, at School", naming the form for screen readers. */
  handoverLabel: string;
  busy: boolean;
  error: ApiError | null;
  onRecord: (body: CheckInBody) => void;
}) {
  const id = useId();
  const [status, setStatus] = useState<CheckInStatus | null>(null);
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!status) return setProblem('Please choose how the handover went.');
    const body: CheckInBody = { status };
    if (status === 'late') {
      const late = Number(minutes);
      if (!/^\d{1,4}$/.test(minutes) || late < 1 || late > 1440)
        return setProblem('Please say how many minutes late, from 1 to 1440.');
      body.lateMinutes = late;
    }
    if (note.trim()) body.note = note.trim();
    setProblem(null);
    onRecord(body);
  };
  const minutesNote =
    status === 'late' && problem?.startsWith('Please say how many') ? problem : fieldMessage(error, 'lateMinutes');
  const noteNote =
    note.length > NOTE_MAX ? `Please keep the note to ${NOTE_MAX} characters.` : fieldMessage(error, 'note');

  return (
    <form className="check-in" onSubmit={submit} noValidate aria-label={`Check in: ${handoverLabel}`}>
      <fieldset>
        <legend>How did the handover go?</legend>
        <div className="check-in__choices">
          {CHOICES.map((choice) => (
            <button
              key={choice.status}
              type="button"
              className={status === choice.status ? undefined : 'button--quiet'}
              aria-pressed={status === choice.status}
              onClick={() => {
                setStatus(choice.status);
                setProblem(null);
              }}
            >
              {choice.label}
            </button>
          ))}
        </div>
      </fieldset>
      {status === 'late' && (
        <div className={minutesNote ? 'field field--needs-attention' : 'field'}>
          <label htmlFor={`${id}-minutes`}>Minutes late</label>
          <div className="button-row">
            {LATE_PICKS.map((pick) => (
              <button
                key={pick}
                type="button"
                className={minutes === String(pick) ? undefined : 'button--quiet'}
                aria-pressed={minutes === String(pick)}
                aria-label={`${pick} minutes`}
                onClick={() => setMinutes(String(pick))}
              >
                {pick}
              </button>
            ))}
          </div>
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            value={minutes}
            aria-invalid={minutesNote ? true : undefined}
            aria-describedby={minutesNote ? `${id}-minutes-note` : undefined}
            onChange={(event) => setMinutes(event.target.value)}
          />
          {minutesNote && (
            <p className="field__message" id={`${id}-minutes-note`}>
              {minutesNote}
            </p>
          )}
        </div>
      )}
      {status && (
        <div className={noteNote ? 'field field--needs-attention' : 'field'}>
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <p className="field__hint" id={`${id}-note-hint`}>
            A few facts, for the record: what happened, not how it felt.
          </p>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            aria-invalid={noteNote ? true : undefined}
            aria-describedby={noteNote ? `${id}-note-hint ${id}-note-note` : `${id}-note-hint`}
            onChange={(event) => setNote(event.target.value)}
          />
          {noteNote && (
            <p className="field__message" id={`${id}-note-note`}>
              {noteNote}
            </p>
          )}
        </div>
      )}
      <FormMessage>
        {problem && !minutesNote ? (
          <p>{problem}</p>
        ) : (
          formLevelMessages(error, ['lateMinutes', 'note']).map((message) => <p key={message}>{message}</p>)
        )}
      </FormMessage>
      {status && (
        <button type="submit" disabled={busy || note.length > NOTE_MAX}>
          {busy ? 'Recording…' : 'Record the check-in'}
        </button>
      )}
    </form>
  );
}

/** "On time", "12 minutes late", "Missed". */
export function checkInInWords(status: string, lateMinutes?: number | null): string {
  if (status === 'on_time') return 'On time';
  if (status === 'late') return lateMinutes ? `${lateMinutes} minute${lateMinutes === 1 ? '' : 's'} late` : 'Late';
  if (status === 'missed') return 'Missed';
  return status;
}
