import type { ReactNode } from 'react';

/**
 * A page of Parallel that is planned and not built yet. It says so in one calm sentence
 * (the children) and pretends nothing: no empty lists, no buttons that do nothing.
 */
export function NotAvailableYet({
  heading,
  level = 2,
  children,
}: {
  heading: string;
  level?: 1 | 2;
  children: ReactNode;
}) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section aria-labelledby="not-yet-heading">
      <Heading id="not-yet-heading">{heading}</Heading>
      <p className="card">{children}</p>
    </section>
  );
}
