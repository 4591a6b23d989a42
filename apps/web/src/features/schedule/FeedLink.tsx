import { useId, useState } from 'react';
import { useCopyField } from '../../components/useCopyField';

/**
 * The parent's own calendar link: a secret address calendar apps subscribe to, to copy,
 * and to replace when it may have reached someone else (the old one stops at once).
 */
export function FeedLink({ url, busy, onRotate }: { url: string; busy: boolean; onRotate: () => Promise<boolean> }) {
  const id = useId();
  const { copied, copy, forget } = useCopyField(url, `${id}-url`);
  const [confirming, setConfirming] = useState(false);
  const [rotated, setRotated] = useState(false);

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-url`}>Your calendar link</label>
        <p className="field__hint" id={`${id}-hint`}>
          In Google Calendar, Apple Calendar or Outlook, add a calendar &ldquo;from URL&rdquo; (a subscription) and
          paste this link. It shows who has the children and each handover with its time and place. Anyone with the link
          can read your schedule, so keep it to yourself.
        </p>
        <input
          id={`${id}-url`}
          className="feed-url"
          type="text"
          readOnly
          value={url}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <p role="status" className="muted">
        {copied === 'copied'
          ? 'The link is copied.'
          : copied === 'select'
            ? 'The link is selected: copy it with your device’s copy command.'
            : rotated
              ? 'A new link is ready. The old one no longer works.'
              : ''}
      </p>
      {!confirming ? (
        <div className="button-row">
          <button type="button" onClick={() => void copy()}>
            Copy the link
          </button>
          <button type="button" className="button--quiet" onClick={() => setConfirming(true)}>
            Make a new link
          </button>
        </div>
      ) : (
        <div className="notice" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            Make a new link? The current one stops working at once; calendars subscribed to it stop updating until you
            add the new one.
          </p>
          <div className="button-row">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void onRotate().then((done) => {
                  if (!done) return;
                  setConfirming(false);
                  forget();
                  setRotated(true);
                })
              }
            >
              {busy ? 'Making it…' : 'Make a new link'}
            </button>
            <button type="button" className="button--quiet" disabled={busy} onClick={() => setConfirming(false)}>
              Keep the current link
            </button>
          </div>
        </div>
      )}
    </>
  );
}
