import type { ReactNode } from 'react';

/**
 * A message about the whole form. Announced politely: it informs, it does not alarm.
 * The live region stays in the page so screen readers notice when text appears in it.
 */
export function FormMessage({ children, tone = 'attention' }: { children?: ReactNode; tone?: 'attention' | 'done' }) {
  return (
    <div className={children ? `form-message form-message--${tone}` : 'form-message'} role="status">
      {children}
    </div>
  );
}
