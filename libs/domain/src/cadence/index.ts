export {
  SETTINGS_SPLIT_BASIS_POINTS_MAX,
  SETTINGS_WINDOWS_MAX,
  SETTINGS_DAILY_QUOTA_MAX,
  SETTINGS_DAILY_QUOTA_MIN,
  DEFAULT_CASE_SETTINGS,
  SETTINGS_URGENT_PER_30_DAYS_MAX,
  applySettingsChanges,
  sortDeliveryWindows,
  validateSettingsChanges,
  type Cadence,
  type CadenceWeekday,
  type CaseSettings,
  type DeliveryWindow,
  type SettingsChanges,
  type SettingsProblem,
  type SettingsRule,
  type SettingsValidation,
} from './settings';
export { describeCadence } from './describe';
export { nextDeliveryAt } from './delivery';
export { isValidCaseTimeZone } from './zoned-time';
export {
  URGENT_WINDOW_MS,
  decideSend,
  nextUrgentAllowedAt,
  quotaDayBounds,
  urgentWindowStart,
  type MessageSendAttempt,
  type MessageSendDecision,
} from './quota';
