import { useId, useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import type { BundleVerification } from '@parallel/domain';
import { paths } from '../../app/paths';
import { usePageTitle } from '../../components/usePageTitle';

type Check = { state: 'idle' } | { state: 'checking'; name: string } | { state: 'done'; name: string; result: BundleVerification };

/**
 * `/verify`: checks an exported record bundle in this browser, with the same code as
 * `npm run -s verify`. No sign-in, no upload: the file is read here and goes nowhere.
 */
export function VerifyPage() {
  usePageTitle('Check an exported record');
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [expectedKey, setExpectedKey] = useState('');
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const keyId = useId();

  const checkFile = async (file: File) => {
    setCheck({ state: 'checking', name: file.name });
    const { verifyBundleFile } = await import('./verifyBundleInBrowser');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await verifyBundleFile(bytes, expectedKey.trim() || undefined);
    setCheck({ state: 'done', name: file.name, result });
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void checkFile(file);
  };

  return (
    <section aria-labelledby="verify-heading">
      <h1 id="verify-heading">Check an exported record</h1>
      <p className="intro">
        A record exported for court is a file named like <code>record-….zip</code>. Choose it here to check that it is complete and unaltered: its signature,
        every file in it, and every entry of the record from the first to the last. The file is read in this browser and is not sent anywhere.
      </p>
      <div className={`card drop-zone${dragging ? ' dragging' : ''}`} onDragOver={(event) => (event.preventDefault(), setDragging(true))} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
        <label htmlFor={fileId}>The exported file (.zip)</label>
        <input
          id={fileId}
          ref={input}
          type="file"
          accept=".zip,application/zip"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void checkFile(file);
          }}
        />
        <p className="muted">Or drop the file here.</p>
      </div>
      <div className="field">
        <label htmlFor={keyId}>Signing key to expect (optional)</label>
        <input id={keyId} type="text" inputMode="text" spellCheck={false} autoComplete="off" value={expectedKey} onChange={(event) => setExpectedKey(event.target.value)} placeholder="SHA256:…" />
        <p className="muted">The fingerprint printed on the PDF’s cover page. With it, a record signed by any other key is refused.</p>
      </div>
      <div role="status" aria-live="polite">
        {check.state === 'checking' && <p>Checking {check.name}…</p>}
        {check.state === 'done' && <Verdict name={check.name} result={check.result} />}
      </div>
      <p>
        <Link to={paths.home}>Go to the start page</Link>
      </p>
    </section>
  );
}

function Verdict({ name, result }: { name: string; result: BundleVerification }) {
  if (result.valid) {
    return (
      <div className="card verdict verdict-valid">
        <h2>Valid: complete and unaltered</h2>
        <p>
          {name}: {result.entries.toLocaleString('en')} entries of case {result.caseId}, up to entry {result.head.seq}; {result.files.length} files, each as signed.
        </p>
        <p>
          Signed by the key <code>{result.keyFingerprint}</code>. Check that this is the fingerprint on the PDF’s cover page.
        </p>
      </div>
    );
  }
  const where = result.problem.seq !== undefined ? `entry ${result.problem.seq}` : (result.problem.file ?? 'the bundle');
  return (
    <div className="card verdict verdict-invalid">
      <h2>Not valid: first problem at {where}</h2>
      <p>{result.reason}.</p>
      <p>Everything before that point is proven as written; nothing from it on can be trusted.</p>
    </div>
  );
}
