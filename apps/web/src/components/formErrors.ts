import type { ApiError } from '../api/client';
import { formatClockTime } from '../format';

export function tooManyAttemptsMessage(retryAt: Date | null): string {
  return retryAt
    ? `Too many attempts. You can try again at ${formatClockTime(retryAt)}.`
    : 'Too many attempts. Please wait a little and try again.';
}

/**
 * What the form shows above its button for an API error. Messages for fields on screen
 * appear next to those fields instead; only a pointer to them is repeated here.
 */
export function formLevelMessages(error: ApiError | null, fieldsOnScreen: readonly string[]): string[] {
  if (!error) return [];
  if (error.status === 429) return [tooManyAttemptsMessage(error.retryAt)];
  const elsewhere = error.messagesOutside(fieldsOnScreen);
  const shownNextToFields = Object.keys(error.fieldErrors).length - elsewhere.length;
  if (shownNextToFields > 0) return ['Some details need another look; see the notes next to them.', ...elsewhere];
  return elsewhere.length > 0 ? elsewhere : [error.message];
}
