export {
  BASIS_POINTS_WHOLE,
  EVEN_SPLIT,
  SPLIT_BASIS_POINTS_MAX,
  SPLIT_BASIS_POINTS_MIN,
  splitAmount,
  validateSplit,
  type Split,
  type SplitProblem,
  type SplitRule,
  type SplitShares,
  type SplitValidation,
} from './split';
export { CURRENCY_CODES, currencyMinorDigits, formatMajorUnits, formatMoney, isCurrencyCode } from './currency';
export {
  AMOUNT_MINOR_MAX,
  EXPENSE_CATEGORIES,
  EXPENSE_STATUSES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  decideExpenseAction,
  expenseShares,
  splitFromShares,
  type ExpenseAction,
  type ExpenseCategory,
  type ExpenseDecision,
  type ExpenseRefusal,
  type ExpenseShare,
  type ExpenseStatus,
  type PaymentMethod,
  type PaymentStatus,
  type ShareProblem,
} from './expense';
export { computeBalances, type Balance, type BalanceExpense, type BalancePayment } from './balance';
export { RECEIPT_MAX_BYTES, RECEIPT_MEDIA_TYPES, RECEIPT_SNIFF_BYTES, receiptExtension, sniffReceiptType, type ReceiptMediaType } from './receipt-type';
export { csvDocument, csvField } from './csv';
