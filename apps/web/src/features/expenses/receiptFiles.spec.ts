import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import {
  NOT_A_RECEIPT,
  receiptFileProblem,
  RECEIPT_MAX_BYTES,
  TOO_LARGE,
  UNREADABLE,
  uploadProblem,
} from './receiptFiles';

describe('receiptFileProblem', () => {
  it.each([
    ['receipt.pdf', 2000, 'application/pdf', undefined],
    ['IMG_0042.HEIC', 2_000_000, '', undefined],
    ['photo.jpeg', RECEIPT_MAX_BYTES, 'image/jpeg', undefined],
    ['scan.png', RECEIPT_MAX_BYTES + 1, 'image/png', TOO_LARGE],
    ['setup.exe', 2000, 'application/x-msdownload', NOT_A_RECEIPT],
    ['notes.docx', 2000, '', NOT_A_RECEIPT],
  ])('%s, %i bytes, %s', (name, size, type, problem) => {
    expect(receiptFileProblem({ name, size, type })).toBe(problem);
  });

  it('refuses an empty file', () => {
    expect(receiptFileProblem({ name: 'receipt.pdf', size: 0, type: 'application/pdf' })).toMatch(/empty/);
  });
});

describe('uploadProblem', () => {
  const problem = (status: number, field: string, rule: string) =>
    new ApiError({ status, details: [{ field, rule, message: `${field} ${rule}` }] });

  it('says why the API refused a file, in plain words', () => {
    expect(uploadProblem(new ApiError({ status: 413 }))).toBe(TOO_LARGE);
    expect(uploadProblem(problem(413, 'file', 'maxSize'))).toBe(TOO_LARGE);
    expect(uploadProblem(problem(422, 'file', 'fileType'))).toBe(NOT_A_RECEIPT);
    expect(uploadProblem(problem(422, 'file', 'readableImage'))).toBe(UNREADABLE);
    expect(uploadProblem(new ApiError({ status: 0 }))).toMatch(/could not be reached/);
  });
});
