import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '../../api/ApiClientContext';
import type { Case } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { FormMessage } from '../../components/FormMessage';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../auth/SessionProvider';
import { useCurrentCase, useRefreshCase } from '../cases/CaseLayout';
import { LiveStatus } from '../live/LiveStatus';
import { useCaseEvents } from '../live/useCaseEvents';
import { balanceSentence } from './balanceWords';
import { ExpenseForm } from './ExpenseForm';
import { ExpenseItem } from './ExpenseItem';
import {
  CATEGORY_KEYS,
  CATEGORY_LABELS,
  isStateFilter,
  matchesStateFilter,
  STATE_FILTER_KEYS,
  STATE_FILTERS,
  type StateFilter,
} from './expenseWords';
import { csvUrl, loadExpenseBook, type Expense, type ExpenseBook } from './expensesApi';
import { PaymentForm, PaymentItem } from './Payments';
import { outstandingShares } from './settlement';
import './expenses.css';

/** A currency to start the forms with: the one used last in the case, else a guess from its time zone. */
export function startingCurrency(book: ExpenseBook, timeZone: string): string {
  const latest = [...book.expenses].sort((a, b) => (a.loggedAt < b.loggedAt ? 1 : -1))[0];
  if (latest) return latest.currency;
  if (timeZone === 'Europe/London') return 'GBP';
  if (/^Europe\/(Zurich|Busingen)$/.test(timeZone)) return 'CHF';
  if (timeZone.startsWith('Europe/')) return 'EUR';
  if (timeZone.startsWith('America/')) return 'USD';
  if (timeZone.startsWith('Australia/')) return 'AUD';
  if (timeZone === 'Asia/Tokyo') return 'JPY';
  return 'EUR';
}

function filterSearch(state: StateFilter, category: string): string {
  const search = new URLSearchParams();
  if (state !== 'all') search.set('state', state);
  if (category) search.set('category', category);
  const text = search.toString();
  return text ? `?${text}` : '?';
}

function actorOf(payload: unknown): string | undefined {
  const actorId =
    typeof payload === 'object' && payload !== null ? (payload as { actorId?: unknown }).actorId : undefined;
  return typeof actorId === 'string' ? actorId : undefined;
}

type Panel = { kind: 'none' } | { kind: 'add' } | { kind: 'resubmit'; expense: Expense } | { kind: 'pay' };

/**
 * `/cases/:caseId/expenses`: shared costs for the children. The balance in one sentence,
 * adding an expense with receipts, the list with its states and filters (and what the
 * viewer may do with each), payments and their confirmation, and the CSV for a range.
 * Updates live when the other parent acts.
 */
export function ExpensesPage() {
  const item = useCurrentCase();
  const refreshCase = useRefreshCase();
  usePageTitle(item.name, 'Expenses');
  const api = useApiClient();
  const me = useSession().user?.id ?? '';
  const book = useApiQuery(['expenses', item.id], (client) => loadExpenseBook(client, item.id));
  const { setData } = book;
  const refresh = useCallback(() => {
    loadExpenseBook(api, item.id).then(setData, () => undefined);
  }, [api, item.id, setData]);
  const [note, setNote] = useState<string | null>(null);
  const { connected } = useCaseEvents(
    item.id,
    (event) => {
      // The case's split (a shared term) is what a new expense takes: the form shows it as it now stands.
      if (event.name === 'terms.changed') refreshCase();
      if (!/^(expense|payment|receipt|balance)/.test(event.name)) return;
      // The other parent acted: a note about one's own last step may no longer be true.
      if (actorOf(event.payload) !== me) setNote(null);
      refresh();
    },
    {
      onReconnect: () => {
        refresh();
        refreshCase();
      },
    },
  );
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  // A closed form's buttons are gone: the keyboard goes back to "Add an expense", where it started.
  const returnFocus = useRef(false);
  const changed = (text: string) => {
    setNote(text);
    refresh();
  };

  return (
    <section aria-labelledby="expenses-heading" className="expenses">
      <h2 id="expenses-heading">Expenses</h2>
      <p className="intro">
        Shared costs for the children. One parent adds what they paid; the other approves it or disputes it with a
        reason. Approved expenses and confirmed payments make the balance.
      </p>
      <LiveStatus connected={connected} />
      <FormMessage tone="done">{note && <p>{note}</p>}</FormMessage>
      <QueryView query={book} loading="Loading the expenses…" failed="The expenses could not be loaded.">
        {(loaded) => (
          <Loaded
            item={item}
            me={me}
            book={loaded}
            panel={panel}
            setPanel={(next) => {
              if (next.kind !== 'none') setNote(null);
              else returnFocus.current = true;
              setPanel(next);
            }}
            startButton={(element) => {
              if (element && returnFocus.current) {
                returnFocus.current = false;
                element.focus();
              }
            }}
            onChanged={changed}
          />
        )}
      </QueryView>
    </section>
  );
}

function Loaded({
  item,
  me,
  book,
  panel,
  setPanel,
  startButton,
  onChanged,
}: {
  item: Case;
  me: string;
  book: ExpenseBook;
  panel: Panel;
  setPanel: (panel: Panel) => void;
  /** A ref for the "Add an expense" button. */
  startButton: (element: HTMLButtonElement | null) => void;
  onChanged: (note: string) => void;
}) {
  const [params] = useSearchParams();
  const stateParam = params.get('state');
  const state: StateFilter = isStateFilter(stateParam) ? stateParam : 'all';
  const categoryParam = params.get('category') ?? '';
  const category = CATEGORY_KEYS.includes(categoryParam as never) ? categoryParam : '';
  const nameOf = (parentId: string) =>
    item.parents.find((parent) => parent.userId === parentId)?.displayName ?? 'A former parent';
  const currency = startingCurrency(book, item.timeZone);
  const joined = item.parents.length === 2;

  const outstanding = useMemo(
    () =>
      outstandingShares(
        item.parents.map((parent) => parent.userId),
        book.expenses.map((expense) => ({
          id: expense.id,
          loggedBy: expense.loggedBy,
          incurredOn: expense.incurredOn,
          loggedAt: expense.loggedAt,
          currency: expense.currency,
          status: expense.status,
          otherShareMinor: expense.shares.find((share) => share.parentId !== expense.loggedBy)?.amountMinor ?? 0,
        })),
        book.payments.map((payment) => ({ ...payment, toParentId: payment.paidTo })),
      ),
    [book, item.parents],
  );
  const newestFirst = [...book.expenses].sort((a, b) =>
    a.incurredOn === b.incurredOn ? (a.loggedAt < b.loggedAt ? 1 : -1) : a.incurredOn < b.incurredOn ? 1 : -1,
  );
  const shown = newestFirst.filter(
    (expense) =>
      matchesStateFilter(expense.status, outstanding.get(expense.id), state) &&
      (!category || expense.category === category),
  );
  const count = (filter: StateFilter) =>
    newestFirst.filter(
      (expense) =>
        matchesStateFilter(expense.status, outstanding.get(expense.id), filter) &&
        (!category || expense.category === category),
    ).length;
  const waitingForMe = book.expenses.filter(
    (expense) => expense.status === 'pending' && expense.loggedBy !== me,
  ).length;
  const toConfirm = book.payments.filter((payment) => payment.status === 'recorded' && payment.paidTo === me).length;
  const payments = [...book.payments].sort((a, b) =>
    a.paidOn === b.paidOn ? (a.recordedAt < b.recordedAt ? 1 : -1) : a.paidOn < b.paidOn ? 1 : -1,
  );

  return (
    <>
      <section className="card balance" aria-labelledby="balance-heading">
        <h3 id="balance-heading">Balance</h3>
        <p className="balance__sentence" aria-live="polite">
          {balanceSentence(book.balances, nameOf)}
        </p>
        {(waitingForMe > 0 || toConfirm > 0) && (
          <p className="balance__todo">
            {[
              waitingForMe > 0 &&
                `${waitingForMe} ${waitingForMe === 1 ? 'expense waits' : 'expenses wait'} for your approval`,
              toConfirm > 0 &&
                `${toConfirm} ${toConfirm === 1 ? 'payment waits' : 'payments wait'} for you to confirm receiving it`,
            ]
              .filter(Boolean)
              .join('; ')}
            .
          </p>
        )}
        {joined && panel.kind === 'none' && (
          <div className="button-row">
            <button type="button" ref={startButton} onClick={() => setPanel({ kind: 'add' })}>
              Add an expense
            </button>
            <button type="button" className="button--quiet" onClick={() => setPanel({ kind: 'pay' })}>
              Record a payment
            </button>
          </div>
        )}
        {!joined && <p className="muted">Expenses can be added once the other parent has joined the case.</p>}
      </section>

      {panel.kind === 'add' && (
        <ExpenseForm
          item={item}
          me={me}
          defaultCurrency={currency}
          onDone={(_, text) => {
            setPanel({ kind: 'none' });
            onChanged(text);
          }}
          onCancel={() => setPanel({ kind: 'none' })}
        />
      )}
      {panel.kind === 'resubmit' && (
        <ExpenseForm
          item={item}
          me={me}
          replaces={panel.expense}
          defaultCurrency={currency}
          onDone={(_, text) => {
            setPanel({ kind: 'none' });
            onChanged(text);
          }}
          onCancel={() => setPanel({ kind: 'none' })}
        />
      )}
      {panel.kind === 'pay' && (
        <PaymentForm
          item={item}
          me={me}
          balances={book.balances}
          defaultCurrency={currency}
          onDone={(text) => {
            setPanel({ kind: 'none' });
            onChanged(text);
          }}
          onCancel={() => setPanel({ kind: 'none' })}
        />
      )}

      <section className="expenses__list" aria-labelledby="expense-list-heading">
        <h3 id="expense-list-heading">All expenses</h3>
        <nav className="expenses__filters" aria-label="Show expenses">
          <ul>
            {STATE_FILTER_KEYS.map((key) => (
              <li key={key}>
                <Link to={filterSearch(key, category)} aria-current={key === state ? 'page' : undefined}>
                  {STATE_FILTERS[key]} <span className="expenses__count">({count(key)})</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <CategoryFilter state={state} category={category} />
        <p className="visually-hidden" role="status">
          {shown.length === 1 ? '1 expense shown' : `${shown.length} expenses shown`}
        </p>
        {shown.length === 0 ? (
          <p className="muted">{book.expenses.length === 0 ? 'No expenses yet.' : 'No expenses match this choice.'}</p>
        ) : (
          <ul className="expenses__items">
            {shown.map((expense) => (
              <li key={expense.id}>
                <ExpenseItem
                  caseId={item.id}
                  expense={expense}
                  parents={item.parents}
                  me={me}
                  outstandingMinor={outstanding.get(expense.id)}
                  replacedBy={book.expenses.find(
                    (candidate) =>
                      candidate.id === expense.replacedByExpenseId || candidate.replacesExpenseId === expense.id,
                  )}
                  onChanged={onChanged}
                  onResubmit={(replaced) => {
                    setPanel({ kind: 'resubmit', expense: replaced });
                    window.scrollTo?.({ top: 0 });
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="expenses__payments" aria-labelledby="payments-heading">
        <h3 id="payments-heading">Payments</h3>
        {payments.length === 0 ? (
          <p className="muted">No payments recorded yet.</p>
        ) : (
          <ul className="expenses__items">
            {payments.map((payment) => (
              <li key={payment.id}>
                <PaymentItem caseId={item.id} payment={payment} parents={item.parents} me={me} onChanged={onChanged} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <CsvDownload caseId={item.id} />
    </>
  );
}

function CategoryFilter({ state, category }: { state: StateFilter; category: string }) {
  const id = useId();
  const [, setParams] = useSearchParams();
  return (
    <div className="field expenses__category">
      <label htmlFor={`${id}-category`}>Category</label>
      <select
        id={`${id}-category`}
        value={category}
        onChange={(event) => setParams(new URLSearchParams(filterSearch(state, event.target.value).slice(1)))}
      >
        <option value="">All categories</option>
        {CATEGORY_KEYS.map((key) => (
          <option key={key} value={key}>
            {CATEGORY_LABELS[key]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The CSV of expenses and payments for a range of dates; both dates optional (from the first, to today). */
function CsvDownload({ caseId }: { caseId: string }) {
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const backwards = from !== '' && to !== '' && from > to;
  return (
    <section className="card expenses__csv" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Download as CSV</h3>
      <p className="muted">
        Expenses and payments, for a spreadsheet or a lawyer. Leave a date empty for no limit on that side.
      </p>
      <div className="expenses__range">
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </div>
      </div>
      {backwards ? (
        <p className="field__message">The start date is after the end date. Please swap them.</p>
      ) : (
        <p>
          <a className="button-link" href={csvUrl(caseId, from, to)} download>
            Download the CSV
          </a>
        </p>
      )}
    </section>
  );
}
