import { formatMajorUnits } from '@parallel/domain';
import { useId, useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { Case, CaseParent } from '../../api/types';
import { FormMessage } from '../../components/FormMessage';
import { focusOnMount } from '../auth/focusOnMount';
import { formLevelMessages, problemSentence } from '../../components/formErrors';
import { CHECK_THE_NOTES } from '../../components/useFieldChecks';
import { useSubmission } from '../../components/useSubmission';
import {
  fileSizeText,
  formatDay,
  METHOD_KEYS,
  METHOD_LABELS,
  methodLabel,
  paymentState,
  todayIn,
} from './expenseWords';
import {
  confirmPayment,
  proofUrl,
  recordPayment,
  type BalanceLine,
  type Payment,
  type PaymentMethod,
} from './expensesApi';
import { CurrencyOptions } from './CurrencyOptions';
import { formatMoney, parseAmount } from './money';
import { ReceiptPicker, UploadProgress } from './ReceiptPicker';
import { ReceiptPreview } from './ReceiptPreview';
import { mediaTypeName } from './receiptFiles';
import { useUploads } from './useUploads';

export const REFERENCE_MAX = 200;

/**
 * Recording a payment to the other parent: amount (what one owes, to start with), date,
 * method, an optional reference and an optional proof. It counts in the balance once the
 * other parent confirms they received it. Partial payments are fine.
 */
export function PaymentForm({
  item,
  me,
  balances,
  defaultCurrency,
  onDone,
  onCancel,
}: {
  item: Case;
  me: string;
  balances: readonly BalanceLine[];
  defaultCurrency: string;
  onDone: (note: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const api = useApiClient();
  const other = item.parents.find((parent) => parent.userId !== me);
  const owedIn = (currency: string) =>
    balances.find((line) => line.currency === currency && line.fromParentId === me && line.amountMinor > 0)
      ?.amountMinor;
  const startCurrency =
    balances.find((line) => line.fromParentId === me && line.amountMinor > 0)?.currency ?? defaultCurrency;
  const startOwed = owedIn(startCurrency);
  const [currency, setCurrency] = useState(startCurrency);
  const [amount, setAmount] = useState(startOwed ? formatMajorUnits(startOwed, startCurrency) : '');
  const [paidOn, setPaidOn] = useState(todayIn(item.timeZone));
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [reference, setReference] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [notes, setNotes] = useState<{ amount?: string; paidOn?: string }>({});
  const [stored, setStored] = useState(false);
  const { busy, error, run } = useSubmission();
  const { uploads, send } = useUploads(item.id);
  const otherName = other?.displayName ?? 'the other parent';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseAmount(amount, currency);
    const found = {
      amount: parsed.ok ? undefined : parsed.message,
      paidOn: /^\d{4}-\d{2}-\d{2}$/.test(paidOn) ? undefined : 'Please give the date you paid.',
    };
    setNotes(found);
    if (!parsed.ok || found.paidOn) {
      const control = event.currentTarget.elements.namedItem(found.amount ? 'amount' : 'paidOn');
      if (control instanceof HTMLElement) control.focus();
      return;
    }
    await run(async () => {
      const payment = await recordPayment(api, item.id, {
        amountMinor: parsed.amountMinor,
        currency,
        paidOn,
        method,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      });
      setStored(true);
      const allStored = files.length === 0 || (await send({ kind: 'payment', paymentId: payment.id }, files));
      if (allStored) onDone(`The payment was recorded. It counts once ${otherName} confirms receiving it.`);
    });
  };

  const amountNote =
    notes.amount ??
    (error?.details.some((problem) => /^(amountMinor|currency)/.test(problem.field))
      ? 'Please give an amount above zero.'
      : undefined);
  const owedNow = owedIn(currency);

  if (stored && !busy) {
    return (
      <section className="card expense-form" aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`} tabIndex={-1} ref={focusOnMount}>
          Record a payment
        </h3>
        <p>The payment was recorded. It counts once {otherName} confirms receiving it.</p>
        <UploadProgress uploads={uploads} />
        <FormMessage>{uploads.some((upload) => upload.problem) && <p>The proof was not added.</p>}</FormMessage>
        <button type="button" onClick={() => onDone('The payment was recorded.')}>
          Done
        </button>
      </section>
    );
  }

  return (
    <form
      className="card expense-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h3 id={`${id}-heading`} tabIndex={-1} ref={focusOnMount}>
        Record a payment to {otherName}
      </h3>
      <p className="muted">
        For money you paid {otherName} towards shared expenses. It counts in the balance once {otherName} confirms
        receiving it. Part of what you owe is fine.
      </p>
      <div className="expense-form__money">
        <div className="field">
          <label htmlFor={`${id}-currency`}>Currency</label>
          <select id={`${id}-currency`} value={currency} onChange={(event) => setCurrency(event.target.value)}>
            <CurrencyOptions />
          </select>
        </div>
        <div className={amountNote ? 'field field--needs-attention' : 'field'}>
          <label htmlFor={`${id}-amount`}>Amount paid</label>
          <p className="field__hint" id={`${id}-amount-hint`}>
            {owedNow
              ? `You owe ${formatMoney(owedNow, currency)} in ${currency}.`
              : `You owe nothing in ${currency} at the moment.`}
          </p>
          <input
            id={`${id}-amount`}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            aria-invalid={amountNote ? true : undefined}
            aria-describedby={amountNote ? `${id}-amount-hint ${id}-amount-note` : `${id}-amount-hint`}
            onChange={(event) => setAmount(event.target.value)}
          />
          {amountNote && (
            <p className="field__message" id={`${id}-amount-note`}>
              {amountNote}
            </p>
          )}
        </div>
      </div>
      <div className={notes.paidOn ? 'field field--needs-attention' : 'field'}>
        <label htmlFor={`${id}-date`}>Date paid</label>
        <input
          id={`${id}-date`}
          name="paidOn"
          type="date"
          value={paidOn}
          aria-invalid={notes.paidOn ? true : undefined}
          aria-describedby={notes.paidOn ? `${id}-date-note` : undefined}
          onChange={(event) => setPaidOn(event.target.value)}
        />
        {notes.paidOn && (
          <p className="field__message" id={`${id}-date-note`}>
            {notes.paidOn}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-method`}>How</label>
        <select
          id={`${id}-method`}
          value={method}
          onChange={(event) => setMethod(METHOD_KEYS.find((key) => key === event.target.value) ?? 'other')}
        >
          {METHOD_KEYS.map((key) => (
            <option key={key} value={key}>
              {METHOD_LABELS[key]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reference`}>Reference</label>
        <p className="field__hint" id={`${id}-reference-hint`}>
          Optional, for example the bank transfer&rsquo;s reference.
        </p>
        <input
          id={`${id}-reference`}
          maxLength={REFERENCE_MAX}
          value={reference}
          aria-describedby={`${id}-reference-hint`}
          onChange={(event) => setReference(event.target.value)}
        />
      </div>
      <ReceiptPicker
        files={files}
        onChange={setFiles}
        disabled={busy}
        label="Proof of payment"
        hint="Optional, for example a screenshot of the transfer. PDF, JPEG, PNG or HEIC, at most 10 MB."
      />
      <UploadProgress uploads={uploads} />
      <FormMessage>
        {notes.amount || notes.paidOn
          ? [<p key="look">{CHECK_THE_NOTES}</p>]
          : formLevelMessages(error, ['amountMinor', 'currency', 'paidOn']).map((message) => (
              <p key={message}>{message}</p>
            ))}
      </FormMessage>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Record the payment'}
        </button>
        <button type="button" className="button--quiet" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** One payment: who paid whom, how much, when and how, its state in words, and "Confirm" for the parent who was paid. */
export function PaymentItem({
  caseId,
  payment,
  parents,
  me,
  onChanged,
}: {
  caseId: string;
  payment: Payment;
  parents: readonly CaseParent[];
  me: string;
  onChanged: (note: string) => void;
}) {
  const id = useId();
  const api = useApiClient();
  const { busy, error, run } = useSubmission();
  const [preview, setPreview] = useState<number | null>(null);
  const nameOf = (parentId: string) =>
    parents.find((parent) => parent.userId === parentId)?.displayName ?? 'A former parent';
  const otherName = parents.find((parent) => parent.userId !== me)?.displayName ?? 'the other parent';
  const state = paymentState(payment.status, payment.paidBy === me, otherName);
  const money = formatMoney(payment.amountMinor, payment.currency);
  const shown = preview === null ? undefined : payment.proofs[preview];
  return (
    <article className={`payment payment--${payment.status}`} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="payment__title">
        {nameOf(payment.paidBy)} paid {nameOf(payment.paidTo)} {money}
      </h4>
      <p className="expense__state">
        <span className={`state-tag state-tag--${payment.status}`}>
          <span aria-hidden="true">{state.sign} </span>
          {state.label}
        </span>{' '}
        {state.sentence}
      </p>
      <p className="muted">
        Paid on {formatDay(payment.paidOn)} by {methodLabel(payment.method).toLowerCase()}
        {payment.reference ? `, reference “${payment.reference}”` : ''}.
      </p>
      {payment.proofs.length > 0 && (
        <ul className="expense__receipts" aria-label="Proof of payment">
          {payment.proofs.map((proof, index) => (
            <li key={proof.id}>
              <button type="button" className="button--quiet" onClick={() => setPreview(index)}>
                See proof {index + 1}
              </button>{' '}
              <span className="muted">
                {mediaTypeName(proof.mediaType)}, {fileSizeText(proof.sizeBytes)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {shown && preview !== null && (
        <ReceiptPreview
          url={proofUrl(caseId, payment.id, shown.id)}
          mediaType={shown.mediaType}
          sizeBytes={shown.sizeBytes}
          title={`Proof ${preview + 1} of the payment of ${money}`}
          onClose={() => setPreview(null)}
        />
      )}
      {payment.status === 'recorded' && payment.paidTo === me && (
        <div className="button-row">
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await confirmPayment(api, caseId, payment.id);
                onChanged('Receipt confirmed: the payment now counts in the balance.');
              })
            }
          >
            {busy ? 'Confirming…' : `Confirm you received ${money}`}
          </button>
        </div>
      )}
      <FormMessage>{error && <p>{problemSentence(error)}</p>}</FormMessage>
    </article>
  );
}
