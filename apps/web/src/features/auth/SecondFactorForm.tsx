import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { ApiError } from '../../api/client';
import { TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemSentence } from '../../components/formErrors';
import { useSubmission } from '../../components/useSubmission';
import { loginSecondFactor } from './authApi';
import { hasProblemWith, nextTryMessage } from './authWords';
import { useSession } from './SessionProvider';

type Method = 'app' | 'recovery';

/** Six digits, as the app shows them; spaces people type to read them more easily are dropped. */
export function codeProblem(code: string): string | undefined {
  const digits = code.replace(/\s+/g, '');
  if (digits === '') return 'Please type the 6-digit code your app shows.';
  return /^\d{6}$/.test(digits) ? undefined : 'The code is 6 digits. Please check it.';
}

export function recoveryCodeProblem(code: string): string | undefined {
  return code.trim() === '' ? 'Please type one of your recovery codes.' : undefined;
}

/**
 * What a refused code means for the person. A challenge that has run out or was used up
 * means starting again with the password; anything else about the code is a code that did
 * not work, said without guessing why beyond what helps.
 */
export function secondFactorProblem(error: ApiError, method: Method): { text: string; startAgain: boolean } {
  if (error.status === 429) return { text: nextTryMessage(error.retryAt), startAgain: false };
  if (error.status === 410 || hasProblemWith(error, 'challenge')) {
    return { text: 'This sign-in was left waiting too long. Please start again with your password.', startAgain: true };
  }
  if (error.status === 400 || error.status === 401) {
    return {
      text:
        method === 'app'
          ? 'That code did not work. Codes change every 30 seconds; please type the one your app shows now.'
          : 'That recovery code did not work. Each one works once; please check it or try another.',
      startAgain: false,
    };
  }
  return { text: problemSentence(error), startAgain: false };
}

/**
 * The second step of signing in, when the account has a second factor: a code from the
 * authenticator app, or one of the recovery codes saved when it was turned on.
 */
export function SecondFactorForm({ challenge, onStartAgain }: { challenge: string; onStartAgain: () => void }) {
  const api = useApiClient();
  const { signedIn } = useSession();
  const [method, setMethod] = useState<Method>('app');
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [checked, setChecked] = useState(false);
  const { busy, error, run } = useSubmission();
  const [errorMethod, setErrorMethod] = useState<Method>('app');
  const field = useRef<HTMLFormElement>(null);

  // Focus goes to the one field this step asks for, when it appears and when the method changes.
  useEffect(() => {
    const input = field.current?.querySelector<HTMLInputElement>('input');
    input?.focus();
  }, [method]);

  const localProblem = method === 'app' ? codeProblem(code) : recoveryCodeProblem(recoveryCode);
  const problem = error && errorMethod === method ? secondFactorProblem(error, method) : null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (localProblem) {
      field.current?.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    setErrorMethod(method);
    await run(async () => {
      const answer =
        method === 'app'
          ? await loginSecondFactor(api, { challenge, code: code.replace(/\s+/g, '') })
          : await loginSecondFactor(api, { challenge, recoveryCode: recoveryCode.trim() });
      signedIn(answer.user);
    });
  };

  const switchMethod = () => {
    setChecked(false);
    setMethod((current) => (current === 'app' ? 'recovery' : 'app'));
  };

  const note = checked ? localProblem : undefined;
  const fieldNote = note ?? (problem && !problem.startAgain ? problem.text : undefined);

  return (
    <form
      ref={field}
      className="card"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="second-factor-heading"
    >
      <h2 id="second-factor-heading">Sign in: one more step</h2>
      {method === 'app' ? (
        <TextField
          key="app"
          label="Code from your authenticator app"
          hint="The 6 digits your app shows for Parallel."
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={8}
          required
          value={code}
          onChange={setCode}
          error={fieldNote}
        />
      ) : (
        <TextField
          key="recovery"
          label="Recovery code"
          hint="One of the codes you saved when you turned on the second step. Each works once."
          name="recoveryCode"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          required
          value={recoveryCode}
          onChange={setRecoveryCode}
          error={fieldNote}
        />
      )}
      <FormMessage>{problem?.startAgain ? <p>{problem.text}</p> : null}</FormMessage>
      <div className="account-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        <button type="button" className="button--quiet" onClick={switchMethod}>
          {method === 'app' ? 'Use a recovery code instead' : 'Use a code from the app instead'}
        </button>
        <button type="button" className="button--quiet" onClick={onStartAgain}>
          Start again
        </button>
      </div>
    </form>
  );
}
