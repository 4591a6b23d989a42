import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { useApiQuery } from '../../api/useApiQuery';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemSentence } from '../../components/formErrors';
import { QueryView } from '../../components/QueryView';
import { required, useFieldChecks } from '../../components/useFieldChecks';
import { useSubmission } from '../../components/useSubmission';
import { nextTryMessage } from '../auth/authWords';
import { codeProblem } from '../auth/SecondFactorForm';
import { confirmTotp, secondStepIsOn, startTotp, turnOffTotp, type TotpEnrolment } from './accountApi';
import { formProblem, passwordCheckMessage } from './accountWords';
import { QrCode } from './QrCode';
import { RecoveryCodes } from './RecoveryCodes';

/** "JBSW Y3DP EHPK 3PXP": the key in groups of four, easier to type by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

type Stage =
  | { step: 'off' }
  | { step: 'enrolling'; enrolment: TotpEnrolment }
  | { step: 'codes'; recoveryCodes: string[] }
  | { step: 'on' };

/**
 * The optional second step at sign-in: a 6-digit code from an authenticator app, so a
 * password that someone else knows or guesses is not enough on its own.
 */
export function SecondStepSection() {
  const status = useApiQuery('account-second-step', secondStepIsOn);
  return (
    <section className="card account-section" aria-labelledby="second-step-heading">
      <h2 id="second-step-heading">Second step at sign-in</h2>
      <QueryView query={status} loading="Loading…" failed="Whether the second step is on could not be loaded.">
        {(on) => <SecondStep initiallyOn={on} />}
      </QueryView>
    </section>
  );
}

function SecondStep({ initiallyOn }: { initiallyOn: boolean }) {
  const [stage, setStage] = useState<Stage>(initiallyOn ? { step: 'on' } : { step: 'off' });
  switch (stage.step) {
    case 'off':
      return <TurnOn onStarted={(enrolment) => setStage({ step: 'enrolling', enrolment })} />;
    case 'enrolling':
      return (
        <Enrol
          enrolment={stage.enrolment}
          onConfirmed={(recoveryCodes) => setStage({ step: 'codes', recoveryCodes })}
          onCancel={() => setStage({ step: 'off' })}
        />
      );
    case 'codes':
      return (
        <>
          <p className="form-message form-message--done">
            The second step is on. From now on, signing in asks for a code from your app.
          </p>
          <RecoveryCodes codes={stage.recoveryCodes} onDone={() => setStage({ step: 'on' })} />
        </>
      );
    case 'on':
      return <TurnOff onTurnedOff={() => setStage({ step: 'off' })} />;
  }
}

function TurnOn({ onStarted }: { onStarted: (enrolment: TotpEnrolment) => void }) {
  const api = useApiClient();
  const { busy, error, run } = useSubmission();
  return (
    <>
      <p>
        Off. With it on, signing in also asks for a 6-digit code from an authenticator app on your phone, so your
        password alone is not enough.
      </p>
      <button type="button" onClick={() => void run(async () => onStarted(await startTotp(api)))} disabled={busy}>
        {busy ? 'Starting…' : 'Turn on the second step'}
      </button>
      <FormMessage>{error ? <p>{problemSentence(error)}</p> : null}</FormMessage>
    </>
  );
}

function Enrol({
  enrolment,
  onConfirmed,
  onCancel,
}: {
  enrolment: TotpEnrolment;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}) {
  const api = useApiClient();
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState(false);
  const { busy, error, run } = useSubmission();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const localProblem = checked ? codeProblem(code) : undefined;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (codeProblem(code)) {
      event.currentTarget.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
      return;
    }
    await run(async () => onConfirmed(await confirmTotp(api, code.replace(/\s+/g, ''))));
  };
  const refused =
    error && (error.status === 400 || error.status === 401 || error.status === 422)
      ? 'That code did not work. Codes change every 30 seconds; please type the one your app shows now.'
      : undefined;
  const other =
    error && !refused ? (error.status === 429 ? nextTryMessage(error.retryAt) : problemSentence(error)) : null;

  return (
    <form className="second-step" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="enrol-heading">
      <h3 id="enrol-heading" tabIndex={-1} ref={heading}>
        Add Parallel to your authenticator app
      </h3>
      <ol className="second-step__steps">
        <li>
          <p>Open an authenticator app on your phone and scan this code.</p>
          <QrCode text={enrolment.otpauthUrl} label="QR code to add Parallel to an authenticator app" />
          <p>
            Cannot scan it? Type this key into the app instead:{' '}
            <code className="second-step__secret">{groupedSecret(enrolment.secret)}</code>
          </p>
        </li>
        <li>
          <TextField
            label="The 6-digit code your app now shows"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={8}
            required
            value={code}
            onChange={setCode}
            error={localProblem ?? refused}
          />
        </li>
      </ol>
      <FormMessage>{other ? <p>{other}</p> : null}</FormMessage>
      <div className="account-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Turn on'}
        </button>
        <button type="button" className="button--quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const TURN_OFF_CHECKS = { password: required('Please give your password.') };

function TurnOff({ onTurnedOff }: { onTurnedOff: () => void }) {
  const api = useApiClient();
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmission();
  const checks = useFieldChecks({ password }, TURN_OFF_CHECKS);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!checks.checkAll(event.currentTarget)) return;
    await run(async () => {
      await turnOffTotp(api, password);
      onTurnedOff();
    });
  };
  const note = checks.problemOf('password') ?? passwordCheckMessage(error, 'password');
  const problem = formProblem(error, [note]);

  return (
    <>
      <p>On. Signing in asks for a code from your authenticator app, or one of your recovery codes.</p>
      <form
        className="second-step"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-labelledby="turn-off-heading"
      >
        <h3 id="turn-off-heading">Turn it off</h3>
        <TextField
          label="Your password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          onBlur={(event) => checks.left('password', event)}
          error={note}
        />
        <FormMessage>{problem ? <p>{problem}</p> : null}</FormMessage>
        <button type="submit" className="button--quiet" disabled={busy}>
          {busy ? 'Turning off…' : 'Turn off the second step'}
        </button>
      </form>
    </>
  );
}
