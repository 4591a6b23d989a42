import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

/**
 * A confirmation one page hands to the next through the history entry, e.g. "You joined
 * the case …" after accepting an invitation opens the case. Shown once at the top of the
 * page it was handed to; any other page ignores it.
 */
export interface PageNotice {
  notice: string;
}

function noticeFrom(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const notice = (state as Partial<PageNotice>).notice;
  return typeof notice === 'string' && notice ? notice : null;
}

export function Layout({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const notice = noticeFrom(useLocation().state);
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Parallel
        </Link>
        {actions && <div className="site-header__actions">{actions}</div>}
      </header>
      <main id="main" tabIndex={-1}>
        <div role="status" className={notice ? 'page-notice' : undefined}>
          {notice}
        </div>
        {children}
      </main>
      <footer className="site-footer">
        <p>Parallel — a written, documented channel for parallel parenting.</p>
      </footer>
    </div>
  );
}
