import type { ApiError } from '../../api/client';
import { UNREACHABLE } from '../../api/client';
import { problemSentence } from '../../components/formErrors';

/**
 * Why a professional's view cannot open or continue, in plain words. The API's sentences for
 * a missing, closed, ended or expired view are written for people and kept.
 */
export function visitProblemInWords(error: ApiError): string {
  if (error.status === UNREACHABLE || error.status >= 500 || error.status === 429) return problemSentence(error);
  if ([401, 404, 410].includes(error.status) && error.message) return error.message;
  if (error.status === 400) return 'This link is not complete. Check that the whole link was copied from the e-mail.';
  return problemSentence(error);
}
