import { useEffect, useId, useRef, useState } from 'react';
import { fileSizeText } from './expenseWords';
import { mediaTypeName, previewKind } from './receiptFiles';

/**
 * One stored receipt, shown in a dialog: a photo as an image, a PDF in a frame, a HEIC
 * photo (which browsers cannot show) as a download. Focus goes into the dialog and back to
 * the button that opened it; Escape closes it.
 */
export function ReceiptPreview({
  url,
  mediaType,
  sizeBytes,
  title,
  onClose,
}: {
  url: string;
  mediaType: string;
  sizeBytes: number;
  title: string;
  onClose: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  // The button that opened the preview, read before the dialog takes focus: focus goes back to it.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const element = dialog.current;
    if (!element) return undefined;
    if (typeof element.showModal === 'function' && !element.open) element.showModal();
    else element.setAttribute('open', '');
    return () => {
      if (typeof element.close === 'function' && element.open) element.close();
      opener?.focus();
    };
  }, [opener]);
  const kind = previewKind(mediaType);
  return (
    <dialog
      ref={dialog}
      className="receipt-preview"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="receipt-preview__bar">
        <h3 id={`${id}-title`}>{title}</h3>
        <button type="button" className="button--quiet" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
      <p className="muted">
        {mediaTypeName(mediaType)}, {fileSizeText(sizeBytes)}.{' '}
        <a href={url} download>
          Download
        </a>
      </p>
      {kind === 'image' && <img className="receipt-preview__image" src={url} alt={title} />}
      {kind === 'pdf' && <iframe className="receipt-preview__pdf" src={url} title={title} />}
      {kind === 'download' && <p>This photo format cannot be shown in the browser. Download it to open it.</p>}
    </dialog>
  );
}
