import { useEffect, useRef } from 'react';
import type { Nudge, NudgeKind } from '@parallel/domain';

interface ReviewDialogProps {
  open: boolean;
  nudges: readonly Nudge[];
  labels: Readonly<Record<NudgeKind, string>>;
  /** Back to the draft (also Escape). */
  onEdit: () => void;
  onSendAsWritten: () => void;
}

/**
 * A short pause before a draft with nudges goes: what it may invite, with Edit focused
 * and Send as written one step away. It never stops a send; it asks once.
 */
export function ReviewDialog({ open, nudges, labels, onEdit, onSendAsWritten }: ReviewDialogProps) {
  const dialog = useRef<HTMLDialogElement | null>(null);
  const edit = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
      edit.current?.focus();
    } else if (!open && element.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
    }
  }, [open]);

  // One line per kind, in the order they first appear.
  const kinds: Nudge[] = [];
  for (const nudge of nudges) if (!kinds.some((seen) => seen.kind === nudge.kind)) kinds.push(nudge);

  return (
    <dialog
      ref={dialog}
      className="review"
      aria-labelledby="review-heading"
      aria-describedby="review-intro"
      onCancel={(event) => {
        event.preventDefault();
        onEdit();
      }}
    >
      {open && (
        <>
          <h2 id="review-heading">Before it goes</h2>
          <p id="review-intro">This message may invite conflict:</p>
          <ul className="review__list">
            {kinds.map((nudge) => (
              <li key={nudge.kind}>
                <strong>{labels[nudge.kind]}.</strong> {nudge.message}
              </li>
            ))}
          </ul>
          <p>It is your choice: you can edit it, or send it as written.</p>
          <div className="review__actions">
            <button type="button" ref={edit} onClick={onEdit}>
              Edit
            </button>
            <button type="button" className="button--quiet" onClick={onSendAsWritten}>
              Send as written
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
