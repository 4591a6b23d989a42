import { useState } from 'react';

/**
 * Copying a read-only field's text (a link) to the clipboard: `copied` once it is there, or,
 * where there is no clipboard (an older browser, or permission refused), `select` with the
 * field focused and its text selected, to copy by hand. Either is forgotten when the text
 * changes (a link replaced by a new one has not been copied).
 */
export function useCopyField(text: string, fieldId: string): { copied: 'copied' | 'select' | null; copy: () => Promise<void>; forget: () => void } {
  const [done, setDone] = useState<{ how: 'copied' | 'select'; of: string } | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone({ how: 'copied', of: text });
    } catch {
      const field = document.getElementById(fieldId) as HTMLInputElement | null;
      field?.focus();
      field?.select();
      setDone({ how: 'select', of: text });
    }
  };
  return { copied: done?.of === text ? done.how : null, copy, forget: () => setDone(null) };
}
