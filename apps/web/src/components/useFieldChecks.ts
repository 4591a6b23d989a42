import { useCallback, useMemo, useState } from 'react';

/** One field's check: the plain-words problem with its value, or undefined when it is fine. */
export type FieldCheck = (value: string) => string | undefined;

/**
 * Checks a form's fields in the browser before anything is sent, the way a person expects:
 * a field's note appears when they leave it (an empty password is flagged at once, not on
 * the next submit), every note appears together on submit, and a note goes away as soon as
 * the value is put right. The server checks again; its notes are shown where these are not.
 */
export function useFieldChecks<F extends string>(values: Record<F, string>, checks: Partial<Record<F, FieldCheck>>) {
  const [shown, setShown] = useState<ReadonlySet<F>>(() => new Set());

  const problems = useMemo(() => {
    const found: Partial<Record<F, string>> = {};
    for (const field of Object.keys(checks) as F[]) {
      const problem = checks[field]?.(values[field]);
      if (problem) found[field] = problem;
    }
    return found;
  }, [values, checks]);

  /** The note to show next to `field` now (only once the field was left or the form submitted). */
  const problemOf = useCallback(
    (field: F): string | undefined => (shown.has(field) ? problems[field] : undefined),
    [shown, problems],
  );

  /**
   * The field was left: its note may show from now on. Not when focus goes to the form's
   * submit button: a note appearing then would move the button from under the pointer and
   * swallow the click; the submit shows every note anyway.
   */
  const left = useCallback((field: F, event?: { relatedTarget: EventTarget | null }) => {
    if (leavesForSubmit(event)) return;
    setShown((previous) => (previous.has(field) ? previous : new Set([...previous, field])));
  }, []);

  /**
   * On submit: shows every note at once, moves focus to the first field that needs another
   * look (by its `name` in `form`), and says whether the form may be sent.
   */
  const checkAll = useCallback(
    (form?: HTMLFormElement | null): boolean => {
      const fields = Object.keys(checks) as F[];
      setShown(new Set(fields));
      const first = fields.find((field) => problems[field]);
      if (first === undefined) return true;
      const control = form?.elements.namedItem(first);
      if (control instanceof HTMLElement) control.focus();
      return false;
    },
    [checks, problems],
  );

  /** After a successful send, a fresh form shows no notes. */
  const reset = useCallback(() => setShown(new Set()), []);

  return { problemOf, left, checkAll, reset, hasProblems: Object.keys(problems).length > 0 };
}

/** Focus is moving to a submit button (the click that follows must land where it was aimed). */
export function leavesForSubmit(event?: { relatedTarget: EventTarget | null }): boolean {
  const next = event?.relatedTarget;
  return next instanceof HTMLButtonElement && next.type === 'submit';
}

// The checks every form shares, in the same words as the API's notes (formErrors.ts).

export const PASSWORD_MIN_LENGTH = 12;

/** Above the button, when a submit found notes to show next to fields. */
export const CHECK_THE_NOTES = 'Some details need another look; see the notes next to them.';

export function required(message: string): FieldCheck {
  return (value) => (value.trim() === '' ? message : undefined);
}

/** Something@something.something: the server has the last word; this catches slips. */
export function emailAddress(emptyMessage = 'Please give an e-mail address.'): FieldCheck {
  return (value) => {
    const trimmed = value.trim();
    if (trimmed === '') return emptyMessage;
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)
      ? undefined
      : 'This does not look like an e-mail address. Please check it.';
  };
}

export function newPassword(value: string): string | undefined {
  if (value === '') return 'Please choose a password: at least 12 characters. A few unrelated words work well.';
  if (value.length < PASSWORD_MIN_LENGTH) return 'Use at least 12 characters. A few unrelated words work well.';
  return undefined;
}
