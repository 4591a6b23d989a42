import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// Plain client-side routing on window.location.pathname: two pages do not need a router.

const NAVIGATED = 'parallel:navigated';

export type Route = { page: 'home' } | { page: 'invite'; token: string } | { page: 'not-found' };

export function routeFor(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const invite = /^\/invite\/([^/]+)\/?$/.exec(pathname);
  if (invite?.[1]) return { page: 'invite', token: decodeURIComponent(invite[1]) };
  return { page: 'not-found' };
}

export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function usePathname(): string {
  const [pathname, setPathname] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = () => setPathname(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return pathname;
}

/** A link that changes page without reloading, and still opens in a new tab when asked. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const opensElsewhere = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    if (event.defaultPrevented || opensElsewhere) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
