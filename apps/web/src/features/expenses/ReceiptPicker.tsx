import { useId, useState } from 'react';
import { fileLine, RECEIPT_ACCEPT, receiptFileProblem } from './receiptFiles';

/**
 * Choosing receipt files: the file picker (several at once), and the camera on a phone
 * (`capture`; a desktop browser opens its file picker instead). A file that cannot be sent
 * (too large, not a receipt kind) is not taken, and the note says why, at once.
 */
export function ReceiptPicker({
  files,
  onChange,
  label = 'Receipts',
  hint = 'Optional. PDF, JPEG, PNG or HEIC, at most 10 MB each. Where a photo was taken is removed before it is stored.',
  disabled,
  autoFocus,
}: {
  files: readonly File[];
  onChange: (files: File[]) => void;
  label?: string;
  hint?: string;
  disabled?: boolean;
  /** Focus the file picker when it appears (it was opened by a button that is now gone). */
  autoFocus?: boolean;
}) {
  const id = useId();
  const [notes, setNotes] = useState<string[]>([]);

  const take = (list: FileList | null) => {
    if (!list) return;
    const kept: File[] = [];
    const refused: string[] = [];
    for (const file of Array.from(list)) {
      const problem = receiptFileProblem(file);
      if (problem) refused.push(`${file.name} was not added. ${problem}`);
      else kept.push(file);
    }
    setNotes(refused);
    onChange([...files, ...kept]);
  };

  return (
    <fieldset className="receipt-picker" aria-describedby={`${id}-hint`}>
      <legend>{label}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="receipt-picker__inputs">
        <div className="receipt-picker__input">
          <label htmlFor={`${id}-files`}>Choose files</label>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            autoFocus={autoFocus}
            accept={RECEIPT_ACCEPT}
            disabled={disabled}
            onChange={(event) => {
              take(event.target.files);
              event.target.value = '';
            }}
          />
        </div>
        <div className="receipt-picker__input">
          <label htmlFor={`${id}-camera`}>Take a photo</label>
          <input
            id={`${id}-camera`}
            type="file"
            accept="image/*"
            capture="environment"
            disabled={disabled}
            onChange={(event) => {
              take(event.target.files);
              event.target.value = '';
            }}
          />
        </div>
      </div>
      <div role="status" className="receipt-picker__notes">
        {notes.map((note) => (
          <p key={note} className="field__message">
            {note}
          </p>
        ))}
      </div>
      {files.length > 0 && (
        <ul className="receipt-picker__chosen" aria-label="Chosen receipts">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              <span>{fileLine(file)}</span>
              <button
                type="button"
                className="button--quiet"
                disabled={disabled}
                aria-label={`Remove ${file.name}`}
                onClick={() => onChange(files.filter((_, at) => at !== index))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

export interface UploadState {
  name: string;
  /** 0 to 1 */
  sent: number;
  done: boolean;
  problem?: string;
}

/** Each file on its way: a labelled progress bar, then "Added" or why it was refused. */
export function UploadProgress({ uploads }: { uploads: readonly UploadState[] }) {
  if (uploads.length === 0) return null;
  return (
    <ul className="upload-progress" aria-label="Receipts being sent">
      {uploads.map((upload, index) => {
        const percent = Math.round(upload.sent * 100);
        return (
          <li key={`${upload.name}-${index}`}>
            <span className="upload-progress__name">{upload.name}</span>{' '}
            {upload.problem ? (
              <span className="field__message">Not added. {upload.problem}</span>
            ) : upload.done ? (
              <span className="upload-progress__done">✓ Added</span>
            ) : (
              <>
                <progress max={100} value={percent} aria-label={`Sending ${upload.name}`} />{' '}
                <span aria-hidden="true">{percent}%</span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
