import { Fragment } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, formatList } from '../../format';
import { InviteParentForm } from '../invitations/InviteParentForm';
import { useCurrentCase } from './CaseLayout';
import { termsInWords } from './termsInWords';

/** `/cases/:caseId/about`: who and what the case is about, and the terms in force, in plain words. */
export function CaseOverview() {
  const item = useCurrentCase();
  usePageTitle(item.name, 'About this case');
  const terms = termsInWords(item.terms, item.parents);
  return (
    <>
      <h2 className="case-about__heading">About this case</h2>
      <section className="card" aria-labelledby="case-people-heading">
        <h3 id="case-people-heading">People</h3>
        <dl className="facts">
          <dt>Children</dt>
          <dd>{item.children.length > 0 ? formatList(item.children) : 'None named yet'}</dd>
          <dt>Parents</dt>
          <dd>{formatList(item.parents.map((parent) => parent.displayName))}</dd>
          {item.pendingInvitation && (
            <>
              <dt>Invitation</dt>
              <dd>
                Sent to {item.pendingInvitation.email}, can be accepted until{' '}
                {formatDateTime(item.pendingInvitation.expiresAt)}
              </dd>
            </>
          )}
          <dt>Time zone</dt>
          <dd>{item.timeZone}</dd>
          <dt>Created</dt>
          <dd>{formatDateTime(item.createdAt)}</dd>
        </dl>
        {item.parents.length === 1 && (
          <>
            {item.pendingInvitation && (
              <p className="muted">
                The other parent has not joined yet. A new invitation replaces the one sent before.
              </p>
            )}
            <InviteParentForm
              caseId={item.id}
              caseName={item.name}
              pendingInvitation={item.pendingInvitation}
              headingLevel={4}
            />
          </>
        )}
      </section>
      <section className="card" aria-labelledby="case-terms-heading">
        <h3 id="case-terms-heading">Shared terms in force</h3>
        <p className="muted">
          Each parent sets when messages reach them and how many a day; those are on the{' '}
          <Link to={paths.caseTerms(item.id)}>terms page</Link>, with any change waiting and proposals to change the
          terms below.
        </p>
        {terms ? (
          <dl className="facts">
            {terms.map(({ term, words }) => (
              <Fragment key={term}>
                <dt>{term}</dt>
                <dd>{words}</dd>
              </Fragment>
            ))}
          </dl>
        ) : (
          <p>The terms in force cannot be shown on this page yet.</p>
        )}
      </section>
      <p>
        <Link to={paths.home}>All your cases</Link>
      </p>
    </>
  );
}
