import { useId, useRef, useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { CaseParent } from '../../api/types';
import { FormMessage } from '../../components/FormMessage';
import { focusOnMount } from '../auth/focusOnMount';
import { problemSentence } from '../../components/formErrors';
import { useSubmission } from '../../components/useSubmission';
import { categoryLabel, expenseState, fileSizeText, formatDay, percentText } from './expenseWords';
import { answerExpense, disputeExpense, receiptUrl, type Expense } from './expensesApi';
import { formatMoney } from './money';
import { ReceiptPicker, UploadProgress } from './ReceiptPicker';
import { ReceiptPreview } from './ReceiptPreview';
import { mediaTypeName } from './receiptFiles';
import { useUploads } from './useUploads';

export const REASON_MAX = 1000;

/**
 * One expense in the list: the facts first (what, when, how much, each parent's part), its
 * state in words, receipts to preview, and what the viewer may do now: the other parent
 * approves or disputes; the logger withdraws, resubmits a disputed one with a correction,
 * or adds receipts while it waits.
 */
export function ExpenseItem({
  caseId,
  expense,
  parents,
  me,
  outstandingMinor,
  replacedBy,
  onChanged,
  onResubmit,
}: {
  caseId: string;
  expense: Expense;
  parents: readonly CaseParent[];
  me: string;
  /** For an approved expense: what of the other parent's part is still owed. */
  outstandingMinor: number | undefined;
  replacedBy: Expense | undefined;
  onChanged: (note: string) => void;
  onResubmit: (expense: Expense) => void;
}) {
  const id = useId();
  const api = useApiClient();
  const nameOf = (parentId: string) =>
    parents.find((parent) => parent.userId === parentId)?.displayName ?? 'A former parent';
  const mine = expense.loggedBy === me;
  const other = parents.find((parent) => parent.userId !== expense.loggedBy);
  const otherName = parents.find((parent) => parent.userId !== me)?.displayName ?? 'the other parent';
  const state = expenseState(expense.status, mine, otherName);
  const [mode, setMode] = useState<'idle' | 'dispute' | 'withdraw' | 'receipts'>('idle');
  const [reason, setReason] = useState('');
  const [reasonNote, setReasonNote] = useState<string | undefined>();
  const [files, setFiles] = useState<File[]>([]);
  const [preview, setPreview] = useState<number | null>(null);
  const { busy, error, run } = useSubmission();
  const { uploads, send, clear } = useUploads(caseId);
  const article = useRef<HTMLElement>(null);
  const money = (minor: number) => formatMoney(minor, expense.currency);

  const act = (action: () => Promise<unknown>, note: string) =>
    void run(async () => {
      await action();
      setMode('idle');
      onChanged(note);
      // The buttons just used are gone: keep the keyboard on this expense, whose new state is announced.
      article.current?.focus();
    });

  const submitDispute = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (text === '') return setReasonNote('Please give a reason, so that it can be corrected.');
    setReasonNote(undefined);
    act(() => disputeExpense(api, caseId, expense.id, text), 'The expense is marked as disputed, with your reason.');
  };

  const sendReceipts = (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) return;
    void run(async () => {
      const allStored = await send({ kind: 'expense', expenseId: expense.id }, files);
      setFiles([]);
      if (allStored) {
        setMode('idle');
        clear();
      }
      onChanged(allStored ? 'The receipts were added.' : 'Some receipts were not added.');
    });
  };

  const shown = preview === null ? undefined : expense.receipts[preview];
  const outstanding = expense.status === 'approved' && outstandingMinor !== undefined && other;

  return (
    <article
      ref={article}
      tabIndex={-1}
      className={`expense expense--${expense.status}`}
      aria-labelledby={`${id}-title`}
    >
      <header className="expense__header">
        <h4 id={`${id}-title`} className="expense__title">
          {expense.description}
        </h4>
        <p className="expense__amount">{money(expense.amountMinor)}</p>
      </header>
      <p className="expense__state">
        <span className={`state-tag state-tag--${expense.status}`}>
          <span aria-hidden="true">{state.sign} </span>
          {state.label}
        </span>{' '}
        {outstanding ? (
          <span className="expense__settled">
            {outstandingMinor === 0
              ? `Settled: ${other.displayName}’s part is paid.`
              : outstandingMinor < (expense.shares.find((share) => share.parentId === other.userId)?.amountMinor ?? 0)
                ? `Partly settled: ${money(outstandingMinor)} of ${other.displayName}’s part still owed.`
                : `Not yet settled: ${other.displayName} owes ${money(outstandingMinor)}.`}
          </span>
        ) : (
          <span>{state.sentence}</span>
        )}
      </p>
      <dl className="expense__facts">
        <div>
          <dt>Category</dt>
          <dd>{categoryLabel(expense.category)}</dd>
        </div>
        <div>
          <dt>Paid on</dt>
          <dd>{formatDay(expense.incurredOn)}</dd>
        </div>
        <div>
          <dt>Paid by</dt>
          <dd>{nameOf(expense.loggedBy)}</dd>
        </div>
        <div>
          <dt>Split{expense.splitSource === 'override' ? ' (for this expense)' : ''}</dt>
          <dd>
            {expense.shares
              .map(
                (share) => `${nameOf(share.parentId)} ${money(share.amountMinor)} (${percentText(share.basisPoints)})`,
              )
              .join(', ')}
          </dd>
        </div>
      </dl>
      {expense.disputeReason && (expense.status === 'disputed' || expense.status === 'resubmitted') && (
        <p className="expense__reason">
          <span className="terms-label">Reason for the dispute:</span> {expense.disputeReason}
        </p>
      )}
      {expense.replacesExpenseId && <p className="muted">A correction of an expense that was disputed.</p>}
      {replacedBy && <p className="muted">Replaced by the correction “{replacedBy.description}”.</p>}
      {expense.receipts.length > 0 ? (
        <ul className="expense__receipts" aria-label="Receipts">
          {expense.receipts.map((receipt, index) => (
            <li key={receipt.id}>
              <button
                aria-label={`See receipt ${index + 1} of ${expense.description}`}
                type="button"
                className="button--quiet"
                onClick={() => setPreview(index)}
              >
                See receipt {index + 1}
              </button>{' '}
              <span className="muted">
                {mediaTypeName(receipt.mediaType)}, {fileSizeText(receipt.sizeBytes)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No receipt.</p>
      )}
      {shown && preview !== null && (
        <ReceiptPreview
          url={receiptUrl(caseId, expense.id, shown.id)}
          mediaType={shown.mediaType}
          sizeBytes={shown.sizeBytes}
          title={`Receipt ${preview + 1} of ${expense.description}`}
          onClose={() => setPreview(null)}
        />
      )}

      {mode === 'idle' && (
        <div className="button-row expense__actions">
          {expense.status === 'pending' && !mine && (
            <>
              <button
                aria-label={`Approve ${expense.description}`}
                type="button"
                disabled={busy}
                onClick={() =>
                  act(
                    () => answerExpense(api, caseId, expense.id, 'approve'),
                    'Approved: it now counts in the balance.',
                  )
                }
              >
                Approve
              </button>
              <button
                aria-label={`Dispute ${expense.description}`}
                type="button"
                className="button--quiet"
                disabled={busy}
                onClick={() => setMode('dispute')}
              >
                Dispute
              </button>
            </>
          )}
          {expense.status === 'disputed' && mine && (
            <button
              aria-label={`Resubmit with a correction: ${expense.description}`}
              type="button"
              disabled={busy}
              onClick={() => onResubmit(expense)}
            >
              Resubmit with a correction
            </button>
          )}
          {expense.status === 'pending' && mine && (
            <button
              aria-label={`Add receipts to ${expense.description}`}
              type="button"
              className="button--quiet"
              disabled={busy}
              onClick={() => setMode('receipts')}
            >
              Add receipts
            </button>
          )}
          {(expense.status === 'pending' || expense.status === 'disputed') && mine && (
            <button
              aria-label={`Withdraw ${expense.description}`}
              type="button"
              className="button--quiet"
              disabled={busy}
              onClick={() => setMode('withdraw')}
            >
              Withdraw
            </button>
          )}
        </div>
      )}
      {mode === 'dispute' && (
        <form className="expense__form" onSubmit={submitDispute} noValidate aria-labelledby={`${id}-dispute-heading`}>
          <h5 id={`${id}-dispute-heading`} tabIndex={-1} ref={focusOnMount}>
            Dispute this expense
          </h5>
          <div className={reasonNote ? 'field field--needs-attention' : 'field'}>
            <label htmlFor={`${id}-reason`}>Reason</label>
            <p className="field__hint" id={`${id}-reason-hint`}>
              Facts only, for example “The receipt shows £30, not £45”. {otherName} can then withdraw it or send a
              correction.
            </p>
            <textarea
              id={`${id}-reason`}
              rows={3}
              maxLength={REASON_MAX}
              value={reason}
              aria-invalid={reasonNote ? true : undefined}
              aria-describedby={reasonNote ? `${id}-reason-hint ${id}-reason-note` : `${id}-reason-hint`}
              onChange={(event) => setReason(event.target.value)}
            />
            {reasonNote && (
              <p className="field__message" id={`${id}-reason-note`}>
                {reasonNote}
              </p>
            )}
          </div>
          <FormMessage>{error && <p>{problemSentence(error)}</p>}</FormMessage>
          <div className="button-row">
            <button type="submit" disabled={busy}>
              {busy ? 'Sending…' : 'Send the dispute'}
            </button>
            <button type="button" className="button--quiet" disabled={busy} onClick={() => setMode('idle')}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {mode === 'withdraw' && (
        <div className="expense__form" role="group" aria-labelledby={`${id}-withdraw-question`}>
          <p id={`${id}-withdraw-question`} tabIndex={-1} ref={focusOnMount}>
            Withdraw this expense? It stays in the record, and no longer counts.
          </p>
          <div className="button-row">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                act(() => answerExpense(api, caseId, expense.id, 'withdraw'), 'The expense was withdrawn.')
              }
            >
              {busy ? 'Withdrawing…' : 'Withdraw it'}
            </button>
            <button type="button" className="button--quiet" disabled={busy} onClick={() => setMode('idle')}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {mode === 'receipts' && (
        <form
          className="expense__form"
          onSubmit={sendReceipts}
          noValidate
          aria-label={`Add receipts to ${expense.description}`}
        >
          <ReceiptPicker files={files} onChange={setFiles} disabled={busy} label="Add receipts" autoFocus />
          <UploadProgress uploads={uploads} />
          <div className="button-row">
            <button type="submit" disabled={busy || files.length === 0}>
              {busy ? 'Sending…' : 'Send the receipts'}
            </button>
            <button
              type="button"
              className="button--quiet"
              disabled={busy}
              onClick={() => {
                setMode('idle');
                clear();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {mode === 'idle' && <FormMessage>{error && <p>{problemSentence(error)}</p>}</FormMessage>}
    </article>
  );
}
