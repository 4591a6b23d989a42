import { Link } from 'react-router';
import type { Case } from '../../api/types';
import { paths } from '../../app/paths';
import { formatDateTime, formatList } from '../../format';
import { InviteParentForm } from '../invitations/InviteParentForm';

export function CaseList({ cases }: { cases: readonly Case[] }) {
  if (cases.length === 0) {
    return <p className="muted">You have no cases yet. Create one below, then invite the other parent.</p>;
  }
  return (
    <ul className="case-list">
      {cases.map((item) => (
        <li key={item.id} className="card">
          <CaseSummary item={item} />
        </li>
      ))}
    </ul>
  );
}

function CaseSummary({ item }: { item: Case }) {
  const waitingForOtherParent = item.parents.length === 1;
  return (
    <article aria-labelledby={`case-${item.id}`}>
      <h2 id={`case-${item.id}`} className="case-list__name">
        <Link to={paths.case(item.id)}>{item.name}</Link>
      </h2>
      <dl className="facts">
        <dt>Children</dt>
        <dd>{item.children.length > 0 ? formatList(item.children) : 'None named yet'}</dd>
        <dt>Parents</dt>
        <dd>{formatList(item.parents.map((parent) => parent.displayName))}</dd>
        <dt>Time zone</dt>
        <dd>{item.timeZone}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(item.createdAt)}</dd>
      </dl>
      {waitingForOtherParent && (
        <InviteParentForm caseId={item.id} caseName={item.name} pendingInvitation={item.pendingInvitation} />
      )}
    </article>
  );
}
