// The expense endpoints of one case (apps/api/src/expenses), as typed functions over the
// app's one client: same credentials, same errors. Receipt uploads go through
// XMLHttpRequest instead, because fetch cannot report upload progress.
import { toApiError, UNREACHABLE, ApiError, type ApiClient } from '../../api/client';

import type { components } from '../../api/contract.gen';

type Schemas = components['schemas'];

// The expense screens' shapes, straight from the contract generated from the API's OpenAPI document.
export type Receipt = Schemas['ReceiptDto'];
export type ExpenseShare = Schemas['ExpenseShareDto'];
export type Expense = Schemas['ExpenseDto'];
export type ExpenseCategory = Schemas['ExpenseCategory'];
export type ExpenseStatus = Schemas['ExpenseStatus'];
export type Payment = Schemas['PaymentDto'];
export type PaymentMethod = Schemas['PaymentMethod'];
export type BalanceLine = Schemas['BalanceItemDto'];
/** The body of `POST .../expenses` and of `POST .../expenses/:id/resubmit`. */
export type NewExpense = Schemas['CreateExpenseDto'];
export type NewPayment = Schemas['RecordPaymentDto'];
type ExpensePage = Schemas['ExpensePageDto'];
type PaymentPage = Schemas['PaymentPageDto'];
type Balance = Schemas['BalanceDto'];

interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

function casePath(caseId: string, rest: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/${rest}`;
}

/** Every page of a list: a case's expenses and payments are few enough to show together. */
async function readAll<T, P extends ListPage<T>>(api: ApiClient, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null | undefined = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const separator = path.includes('?') ? '&' : '?';
    const page: P = await api.send<P>(
      'GET',
      `${path}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** What the expenses page shows: every expense and payment of the case, and the balance. */
export interface ExpenseBook {
  expenses: Expense[];
  payments: Payment[];
  balances: BalanceLine[];
}

export async function loadExpenseBook(api: ApiClient, caseId: string): Promise<ExpenseBook> {
  const [expenses, payments, balance] = await Promise.all([
    readAll<Expense, ExpensePage>(api, casePath(caseId, 'expenses')),
    readAll<Payment, PaymentPage>(api, casePath(caseId, 'payments')),
    api.send<Balance>('GET', casePath(caseId, 'balance')),
  ]);
  return { expenses, payments, balances: balance.balances };
}

export function logExpense(api: ApiClient, caseId: string, expense: NewExpense): Promise<Expense> {
  return api.send('POST', casePath(caseId, 'expenses'), expense);
}

export type ExpenseAnswer = 'approve' | 'withdraw';

export function answerExpense(
  api: ApiClient,
  caseId: string,
  expenseId: string,
  answer: ExpenseAnswer,
): Promise<Expense> {
  return api.send('POST', casePath(caseId, `expenses/${encodeURIComponent(expenseId)}/${answer}`));
}

export function disputeExpense(api: ApiClient, caseId: string, expenseId: string, reason: string): Promise<Expense> {
  return api.send('POST', casePath(caseId, `expenses/${encodeURIComponent(expenseId)}/dispute`), { reason });
}

/** A corrected expense in place of a disputed one; the disputed one is kept, marked as replaced. */
export function resubmitExpense(
  api: ApiClient,
  caseId: string,
  expenseId: string,
  corrected: NewExpense,
): Promise<Expense> {
  return api.send('POST', casePath(caseId, `expenses/${encodeURIComponent(expenseId)}/resubmit`), corrected);
}

export function recordPayment(api: ApiClient, caseId: string, payment: NewPayment): Promise<Payment> {
  return api.send('POST', casePath(caseId, 'payments'), payment);
}

export function confirmPayment(api: ApiClient, caseId: string, paymentId: string): Promise<Payment> {
  return api.send('POST', casePath(caseId, `payments/${encodeURIComponent(paymentId)}/confirm`));
}

/** The address of a stored receipt file (readable by the case's two parents only). */
export function receiptUrl(caseId: string, expenseId: string, receiptId: string): string {
  return casePath(caseId, `expenses/${encodeURIComponent(expenseId)}/receipts/${encodeURIComponent(receiptId)}`);
}

/** The address of a payment's proof file. */
export function proofUrl(caseId: string, paymentId: string, receiptId: string): string {
  return casePath(caseId, `payments/${encodeURIComponent(paymentId)}/proofs/${encodeURIComponent(receiptId)}`);
}

/** The CSV of expenses and payments incurred or paid from `from` to `to` (YYYY-MM-DD, either may be empty). */
export function csvUrl(caseId: string, from: string, to: string): string {
  const search = new URLSearchParams();
  if (from) search.set('from', from);
  if (to) search.set('to', to);
  const text = search.toString();
  return casePath(caseId, `expenses.csv${text ? `?${text}` : ''}`);
}

/** Where to send a receipt or proof file: an expense's receipts, or a payment's proofs. */
export type UploadTarget = { kind: 'expense'; expenseId: string } | { kind: 'payment'; paymentId: string };

function uploadPath(caseId: string, target: UploadTarget): string {
  return target.kind === 'expense'
    ? casePath(caseId, `expenses/${encodeURIComponent(target.expenseId)}/receipts`)
    : casePath(caseId, `payments/${encodeURIComponent(target.paymentId)}/proofs`);
}

/**
 * Sends one file as the multipart field `file`, calling `onProgress` with the share sent
 * (0 to 1). Same origin, with the session cookie, like every other request of the app;
 * refusals arrive as the same ApiError.
 */
export function uploadFile(
  caseId: string,
  target: UploadTarget,
  file: File,
  onProgress: (sent: number) => void,
  baseUrl = '',
): Promise<Receipt> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', baseUrl + uploadPath(caseId, target));
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError({ status: UNREACHABLE }));
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        try {
          resolve(JSON.parse(request.responseText) as Receipt);
        } catch {
          reject(new ApiError({ status: 500 }));
        }
        return;
      }
      const headers = new Headers();
      const retryAfter = request.getResponseHeader('Retry-After');
      if (retryAfter) headers.set('Retry-After', retryAfter);
      toApiError(new Response(request.responseText, { status: request.status, headers })).then(reject, reject);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
