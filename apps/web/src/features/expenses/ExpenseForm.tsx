import { formatMajorUnits } from '@parallel/domain';
import { useId, useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { ApiError } from '../../api/client';
import type { Case } from '../../api/types';
import { FormMessage } from '../../components/FormMessage';
import { focusOnMount } from '../auth/focusOnMount';
import { formLevelMessages } from '../../components/formErrors';
import { CHECK_THE_NOTES } from '../../components/useFieldChecks';
import { useSubmission } from '../../components/useSubmission';
import { CATEGORY_KEYS, CATEGORY_LABELS, percentText, todayIn } from './expenseWords';
import { logExpense, resubmitExpense, type Expense, type NewExpense } from './expensesApi';
import { CurrencyOptions } from './CurrencyOptions';
import { formatMoney, parseAmount } from './money';
import { ReceiptPicker, UploadProgress } from './ReceiptPicker';
import { useUploads } from './useUploads';

interface Draft {
  category: string;
  description: string;
  incurredOn: string;
  amount: string;
  currency: string;
  splitMode: 'case' | 'override';
  /** The first parent's share, in percent as typed. */
  firstPercent: string;
}

type DraftField = 'category' | 'description' | 'incurredOn' | 'amount' | 'split';
type Problems = Partial<Record<DraftField, string>>;

export const DESCRIPTION_MAX = 500;

/** A typed share in percent ("60", "33.33") as whole basis points, or a sentence saying what to type. */
export function percentToBasisPoints(
  typed: string,
): { ok: true; basisPoints: number } | { ok: false; message: string } {
  const text = typed.trim().replace(',', '.').replace(/%$/, '').trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) {
    return {
      ok: false,
      message: 'Please give a share from 0 to 100, with at most two decimals, for example 60 or 33.33.',
    };
  }
  const [whole = '0', fraction = ''] = text.split('.');
  const basisPoints = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (basisPoints > 10_000) return { ok: false, message: 'A share can be at most 100%.' };
  return { ok: true, basisPoints };
}

function check(
  draft: Draft,
): { ok: true; expense: Omit<NewExpense, 'shares'>; firstBasisPoints?: number } | { ok: false; problems: Problems } {
  const problems: Problems = {};
  const category = CATEGORY_KEYS.find((key) => key === draft.category);
  if (!category) problems.category = 'Please choose a category.';
  const description = draft.description.trim();
  if (description === '') problems.description = 'Please say what it was for, for example “Dentist check-up for Leo”.';
  else if ([...description].length > DESCRIPTION_MAX)
    problems.description = `Please keep this to ${DESCRIPTION_MAX} characters.`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.incurredOn)) problems.incurredOn = 'Please give the date it was paid.';
  const amount = parseAmount(draft.amount, draft.currency);
  if (!amount.ok) problems.amount = amount.message;
  let firstBasisPoints: number | undefined;
  if (draft.splitMode === 'override') {
    const share = percentToBasisPoints(draft.firstPercent);
    if (share.ok) firstBasisPoints = share.basisPoints;
    else problems.split = share.message;
  }
  if (Object.keys(problems).length > 0 || !amount.ok || !category) return { ok: false, problems };
  return {
    ok: true,
    expense: {
      category,
      description,
      incurredOn: draft.incurredOn,
      amountMinor: amount.amountMinor,
      currency: draft.currency,
    },
    firstBasisPoints,
  };
}

/** The API's notes for this form, in the form's words. */
function serverNote(error: ApiError | null, field: DraftField): string | undefined {
  if (!error) return undefined;
  const fields: Record<DraftField, string[]> = {
    category: ['category'],
    description: ['description'],
    incurredOn: ['incurredOn'],
    amount: ['amountMinor', 'currency'],
    split: ['shares', 'split'],
  };
  const problem = error.details.find((candidate) => fields[field].includes(candidate.field.split(/[.[]/, 1)[0] ?? ''));
  if (!problem) return undefined;
  switch (field) {
    case 'category':
      return 'Please choose a category.';
    case 'description':
      return problem.rule.toLowerCase().includes('max')
        ? 'Please shorten the description.'
        : 'Please say what it was for.';
    case 'incurredOn':
      return 'Please give the date it was paid, as day, month and year.';
    case 'amount':
      return problem.field.startsWith('currency')
        ? 'Please choose a currency from the list.'
        : 'Please give an amount above zero, in the currency chosen.';
    case 'split':
      return 'The two shares must add up to 100%.';
  }
}

const SERVER_FIELDS = ['category', 'description', 'incurredOn', 'amountMinor', 'currency', 'shares', 'split'];

/**
 * Adding an expense, or resubmitting a disputed one with a correction (`replaces`): what it
 * was for, when, how much (typed in the currency's major units, sent as integer minor
 * units), and the split, the case's or another for this one. Receipts go after the
 * expense is stored, each with its progress.
 */
export function ExpenseForm({
  item,
  me,
  replaces,
  defaultCurrency,
  onDone,
  onCancel,
}: {
  item: Case;
  me: string;
  replaces?: Expense;
  defaultCurrency: string;
  onDone: (expense: Expense, note: string) => void;
  onCancel: () => void;
}) {
  const api = useApiClient();
  const id = useId();
  const [first, second] = item.parents;
  const caseSplit = item.terms.split.firstParentBasisPoints;
  const [draft, setDraft] = useState<Draft>(() =>
    replaces
      ? {
          category: replaces.category,
          description: replaces.description,
          incurredOn: replaces.incurredOn,
          amount: formatMajorUnits(replaces.amountMinor, replaces.currency),
          currency: replaces.currency,
          splitMode: replaces.splitSource === 'override' ? 'override' : 'case',
          firstPercent: String((replaces.shares[0]?.basisPoints ?? caseSplit) / 100),
        }
      : {
          category: '',
          description: '',
          incurredOn: todayIn(item.timeZone),
          amount: '',
          currency: defaultCurrency,
          splitMode: 'case',
          firstPercent: String(caseSplit / 100),
        },
  );
  const [files, setFiles] = useState<File[]>([]);
  const [shown, setShown] = useState<Problems>({});
  const [stored, setStored] = useState<Expense | null>(null);
  const { busy, error, run } = useSubmission();
  const { uploads, send } = useUploads(item.id);

  const change = (update: Partial<Draft>) => {
    const next = { ...draft, ...update };
    setDraft(next);
    if (Object.keys(shown).length > 0) {
      const checked = check(next);
      setShown(
        checked.ok
          ? {}
          : Object.fromEntries(
              Object.keys(shown).flatMap((field) =>
                checked.problems[field as DraftField] ? [[field, checked.problems[field as DraftField]]] : [],
              ),
            ),
      );
    }
  };
  const leave = (field: DraftField) => {
    const checked = check(draft);
    if (!checked.ok && checked.problems[field])
      setShown((current) => ({ ...current, [field]: checked.problems[field] }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const checked = check(draft);
    if (!checked.ok) {
      setShown(checked.problems);
      const firstField = (['category', 'description', 'incurredOn', 'amount', 'split'] as const).find(
        (field) => checked.problems[field],
      );
      const control = firstField && form.elements.namedItem(firstField);
      if (control instanceof HTMLElement) control.focus();
      return;
    }
    setShown({});
    const body: NewExpense = { ...checked.expense };
    if (checked.firstBasisPoints !== undefined && first && second) {
      body.shares = [
        { parentId: first.userId, basisPoints: checked.firstBasisPoints },
        { parentId: second.userId, basisPoints: 10_000 - checked.firstBasisPoints },
      ];
    }
    await run(async () => {
      const created = replaces
        ? await resubmitExpense(api, item.id, replaces.id, body)
        : await logExpense(api, item.id, body);
      setStored(created);
      const allStored = files.length === 0 || (await send({ kind: 'expense', expenseId: created.id }, files));
      if (allStored)
        onDone(
          created,
          replaces ? 'The corrected expense was sent for approval.' : 'The expense was added and sent for approval.',
        );
    });
  };

  const noteOf = (field: DraftField) => shown[field] ?? serverNote(error, field);
  const otherName = item.parents.find((parent) => parent.userId !== me)?.displayName ?? 'the other parent';
  const heading = replaces ? 'Resubmit with a correction' : 'Add an expense';
  const amount = parseAmount(draft.amount, draft.currency);
  const overrideShare = percentToBasisPoints(draft.firstPercent);

  if (stored) {
    // The expense is stored; some receipts were refused. It can take receipts again from the list.
    return (
      <section className="card expense-form" aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`} tabIndex={-1} ref={focusOnMount}>
          {heading}
        </h3>
        <p>The expense was saved and sent to {otherName} for approval.</p>
        <UploadProgress uploads={uploads} />
        <FormMessage>
          {!busy && uploads.some((upload) => upload.problem) && (
            <p>Some receipts were not added. You can add them again from the expense in the list.</p>
          )}
        </FormMessage>
        <div className="button-row">
          <button
            type="button"
            disabled={busy}
            onClick={() => onDone(stored, 'The expense was added and sent for approval.')}
          >
            Done
          </button>
        </div>
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
        {heading}
      </h3>
      {replaces && replaces.disputeReason && (
        <p className="expense-form__reason">
          <span className="terms-label">{otherName}&rsquo;s reason for the dispute:</span> {replaces.disputeReason}
        </p>
      )}
      <Select
        id={`${id}-category`}
        name="category"
        label="Category"
        note={noteOf('category')}
        value={draft.category}
        onChange={(category) => change({ category })}
        onBlur={() => leave('category')}
      >
        <option value="">Choose…</option>
        {CATEGORY_KEYS.map((key) => (
          <option key={key} value={key}>
            {CATEGORY_LABELS[key]}
          </option>
        ))}
      </Select>
      <div className={noteOf('description') ? 'field field--needs-attention' : 'field'}>
        <label htmlFor={`${id}-description`}>What it was for</label>
        <input
          id={`${id}-description`}
          name="description"
          value={draft.description}
          maxLength={DESCRIPTION_MAX}
          aria-invalid={noteOf('description') ? true : undefined}
          aria-describedby={noteOf('description') ? `${id}-description-note` : undefined}
          onChange={(event) => change({ description: event.target.value })}
          onBlur={() => leave('description')}
        />
        {noteOf('description') && (
          <p className="field__message" id={`${id}-description-note`}>
            {noteOf('description')}
          </p>
        )}
      </div>
      <div className={noteOf('incurredOn') ? 'field field--needs-attention' : 'field'}>
        <label htmlFor={`${id}-date`}>Date paid</label>
        <input
          id={`${id}-date`}
          name="incurredOn"
          type="date"
          value={draft.incurredOn}
          aria-invalid={noteOf('incurredOn') ? true : undefined}
          aria-describedby={noteOf('incurredOn') ? `${id}-date-note` : undefined}
          onChange={(event) => change({ incurredOn: event.target.value })}
          onBlur={() => leave('incurredOn')}
        />
        {noteOf('incurredOn') && (
          <p className="field__message" id={`${id}-date-note`}>
            {noteOf('incurredOn')}
          </p>
        )}
      </div>
      <div className="expense-form__money">
        <Select
          id={`${id}-currency`}
          name="currency"
          label="Currency"
          value={draft.currency}
          onChange={(currency) => change({ currency })}
        >
          <CurrencyOptions />
        </Select>
        <div className={noteOf('amount') ? 'field field--needs-attention' : 'field'}>
          <label htmlFor={`${id}-amount`}>Amount</label>
          <p className="field__hint" id={`${id}-amount-hint`}>
            The whole amount you paid, for example {formatMajorUnits(4550, draft.currency)}.
          </p>
          <input
            id={`${id}-amount`}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            value={draft.amount}
            aria-invalid={noteOf('amount') ? true : undefined}
            aria-describedby={noteOf('amount') ? `${id}-amount-hint ${id}-amount-note` : `${id}-amount-hint`}
            onChange={(event) => change({ amount: event.target.value })}
            onBlur={() => leave('amount')}
          />
          {noteOf('amount') && (
            <p className="field__message" id={`${id}-amount-note`}>
              {noteOf('amount')}
            </p>
          )}
        </div>
      </div>
      <fieldset className={noteOf('split') ? 'expense-form__split field--needs-attention' : 'expense-form__split'}>
        <legend>Split</legend>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-split`}
            checked={draft.splitMode === 'case'}
            onChange={() => change({ splitMode: 'case' })}
          />
          The case&rsquo;s split: {first?.displayName ?? 'first parent'} {percentText(caseSplit)},{' '}
          {second?.displayName ?? 'second parent'} {percentText(10_000 - caseSplit)}
        </label>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-split`}
            checked={draft.splitMode === 'override'}
            onChange={() => change({ splitMode: 'override' })}
          />
          Another split for this expense
        </label>
        {draft.splitMode === 'override' && (
          <div className="field">
            <label htmlFor={`${id}-share`}>{first?.displayName ?? 'First parent'}&rsquo;s share, in %</label>
            <p className="field__hint" id={`${id}-share-hint`}>
              {second?.displayName ?? 'The other parent'} pays the rest
              {overrideShare.ok ? `: ${percentText(10_000 - overrideShare.basisPoints)}` : ''}.
            </p>
            <input
              id={`${id}-share`}
              name="split"
              inputMode="decimal"
              value={draft.firstPercent}
              aria-invalid={noteOf('split') ? true : undefined}
              aria-describedby={noteOf('split') ? `${id}-share-hint ${id}-share-note` : `${id}-share-hint`}
              onChange={(event) => change({ firstPercent: event.target.value })}
              onBlur={() => leave('split')}
            />
          </div>
        )}
        {noteOf('split') && (
          <p className="field__message" id={`${id}-share-note`}>
            {noteOf('split')}
          </p>
        )}
      </fieldset>
      {amount.ok && (
        <p className="expense-form__total" aria-live="polite">
          {formatMoney(amount.amountMinor, draft.currency)} in {draft.currency}.
        </p>
      )}
      <ReceiptPicker files={files} onChange={setFiles} disabled={busy} />
      <UploadProgress uploads={uploads} />
      <FormMessage>
        {Object.keys(shown).length > 0
          ? [<p key="look">{CHECK_THE_NOTES}</p>]
          : formLevelMessages(error, SERVER_FIELDS).map((message) => <p key={message}>{message}</p>)}
      </FormMessage>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : replaces ? 'Send the correction' : 'Add the expense'}
        </button>
        <button type="button" className="button--quiet" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Select({
  id,
  name,
  label,
  note,
  value,
  onChange,
  onBlur,
  children,
}: {
  id: string;
  name: string;
  label: string;
  note?: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  children: React.ReactNode;
}) {
  return (
    <div className={note ? 'field field--needs-attention' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        aria-invalid={note ? true : undefined}
        aria-describedby={note ? `${id}-note` : undefined}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      >
        {children}
      </select>
      {note && (
        <p className="field__message" id={`${id}-note`}>
          {note}
        </p>
      )}
    </div>
  );
}
