import { useCallback, useState } from 'react';
import { asApiError } from '../../api/client';
import { uploadFile, type UploadTarget } from './expensesApi';
import type { UploadState } from './ReceiptPicker';
import { uploadProblem } from './receiptFiles';

/** Sends files one after another to an expense or a payment, keeping each one's progress and outcome for the screen. */
export function useUploads(caseId: string) {
  const [uploads, setUploads] = useState<UploadState[]>([]);

  /** Sends every file; answers whether all were stored. */
  const send = useCallback(
    async (target: UploadTarget, files: readonly File[]): Promise<boolean> => {
      setUploads(files.map((file) => ({ name: file.name, sent: 0, done: false })));
      const change = (index: number, update: Partial<UploadState>) =>
        setUploads((current) => current.map((upload, at) => (at === index ? { ...upload, ...update } : upload)));
      let allStored = true;
      for (const [index, file] of files.entries()) {
        try {
          await uploadFile(caseId, target, file, (sent) => change(index, { sent }));
          change(index, { done: true, sent: 1 });
        } catch (caught) {
          allStored = false;
          change(index, { problem: uploadProblem(asApiError(caught)) });
        }
      }
      return allStored;
    },
    [caseId],
  );

  const clear = useCallback(() => setUploads([]), []);
  return { uploads, send, clear };
}
