export {
  TERMS_WINDOWS_MAX,
  TERMS_DAILY_QUOTA_MAX,
  TERMS_DAILY_QUOTA_MIN,
  DEFAULT_CASE_TERMS,
  TERMS_URGENT_PER_30_DAYS_MAX,
  applyTermsChanges,
  sortDeliveryWindows,
  validateTermsChanges,
  type Cadence,
  type CadenceWeekday,
  type CaseTerms,
  type DeliveryWindow,
  type TermsChanges,
  type TermsProblem,
  type TermsRule,
  type TermsValidation,
} from './terms';
export { describeCadence } from './describe';
export { nextDeliveryAt } from './delivery';
export {
  URGENT_WINDOW_MS,
  decideSend,
  nextUrgentAllowedAt,
  quotaDayBounds,
  urgentWindowStart,
  type MessageSendAttempt,
  type MessageSendDecision,
} from './quota';
