import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function Layout({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
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
        {children}
      </main>
      <footer className="site-footer">
        <p>Parallel — a written, documented channel for parallel parenting.</p>
      </footer>
    </div>
  );
}
