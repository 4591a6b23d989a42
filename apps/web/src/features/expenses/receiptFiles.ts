import type { ApiError } from '../../api/client';
import { problemSentence } from '../../components/formErrors';
import { fileSizeText } from './expenseWords';

/** The API's limit per file (issue 11): checked here first so nobody waits for a refused upload. */
export const RECEIPT_MAX_BYTES = 10 * 1024 * 1024;

/** What the file picker offers: the four kinds the API accepts (it checks the content itself). */
export const RECEIPT_ACCEPT =
  'application/pdf,image/jpeg,image/png,image/heic,image/heif,.pdf,.jpg,.jpeg,.png,.heic,.heif';

const TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif']);
const ENDINGS = /\.(pdf|jpe?g|png|heic|heif)$/i;

export const TOO_LARGE = 'This file is larger than 10 MB. Please choose a smaller file, or a photo at a lower size.';
export const NOT_A_RECEIPT =
  'This is not a file kind we accept for receipts. Please use a PDF, or a JPEG, PNG or HEIC photo.';

export const UNREADABLE =
  'This image could not be read; it may be damaged. Please choose the photo again, or take a new one.';

/** Why a chosen file cannot be sent, in plain words; undefined when it may go (the API checks again, by content). */
export function receiptFileProblem(file: { name: string; size: number; type: string }): string | undefined {
  if (file.size > RECEIPT_MAX_BYTES) return TOO_LARGE;
  if (file.size === 0) return 'This file is empty. Please choose the receipt again.';
  const knownType = file.type ? TYPES.has(file.type) : false;
  if (!knownType && !ENDINGS.test(file.name)) return NOT_A_RECEIPT;
  return undefined;
}

/** Why the API refused an upload, in plain words: too large, not a receipt by its content, or the usual reasons. */
export function uploadProblem(error: ApiError): string {
  if (error.status === 413) return TOO_LARGE;
  if (error.details.some((problem) => problem.rule === 'readableImage')) return UNREADABLE;
  if (error.status === 415 || error.status === 422) return NOT_A_RECEIPT;
  const rules = error.details.map((problem) => `${problem.field}.${problem.rule}`.toLowerCase());
  if (rules.some((rule) => /size|large|max/.test(rule))) return TOO_LARGE;
  if (rules.some((rule) => /type|media|content|format|mime/.test(rule))) return NOT_A_RECEIPT;
  if (error.status === 400 && rules.length === 0) return NOT_A_RECEIPT;
  return problemSentence(error);
}

/** "receipt.jpg, 820 KB" */
export function fileLine(file: { name: string; size: number }): string {
  return `${file.name}, ${fileSizeText(file.size)}`;
}

/** How a stored receipt can be shown: in the page (images the browser reads, PDFs), or only downloaded (HEIC). */
export function previewKind(mediaType: string): 'image' | 'pdf' | 'download' {
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType === 'image/jpeg' || mediaType === 'image/png') return 'image';
  return 'download';
}

export function mediaTypeName(mediaType: string): string {
  switch (mediaType) {
    case 'application/pdf':
      return 'PDF';
    case 'image/jpeg':
      return 'JPEG photo';
    case 'image/png':
      return 'PNG image';
    case 'image/heic':
    case 'image/heif':
      return 'HEIC photo';
    default:
      return 'File';
  }
}
