import { useEffect, useRef, useState } from 'react';

export function recoveryCodesText(codes: readonly string[]): string {
  return [
    'Parallel recovery codes',
    'Each works once, in place of a code from your authenticator app.',
    '',
    ...codes,
    '',
  ].join('\n');
}

/**
 * The recovery codes, shown once right after the second step is turned on: a way in when
 * the phone is lost. Copy and download keep them; nothing is sent anywhere.
 */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  // A data address: the file is made here, in the browser, and nothing is fetched.
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(recoveryCodesText(codes))}`;

  const copy = () => {
    navigator.clipboard.writeText(recoveryCodesText(codes)).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };

  return (
    <div className="recovery-codes">
      <h3 id="recovery-heading" tabIndex={-1} ref={heading}>
        Your recovery codes
      </h3>
      <p>
        Save these somewhere safe; each works once. If you lose your phone, a recovery code signs you in instead of the
        code from the app. They are shown only now.
      </p>
      <ul className="recovery-codes__list" aria-labelledby="recovery-heading">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="account-actions">
        <button type="button" className="button--quiet" onClick={copy}>
          Copy the codes
        </button>
        <a className="button-link" href={download} download="parallel-recovery-codes.txt">
          Download the codes
        </a>
        <button type="button" onClick={onDone}>
          I have saved them
        </button>
      </div>
      <p role="status" className="muted">
        {copied === 'yes'
          ? 'Copied.'
          : copied === 'no'
            ? 'Copying did not work here; please download them instead.'
            : ''}
      </p>
    </div>
  );
}
