import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Case, User } from '../../api/types';
import { alex, caseDetail } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { CannedAnswer, TestApi } from '../../test/testApi';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

function caseWith(parents: Case['parents'], overrides: Partial<Case> = {}): Case {
  return caseDetail({ id: 'case-1', parents, ...overrides });
}

async function renderHome(answers: Record<string, CannedAnswer>, user: User | null = alex) {
  api = await renderApp('/', answers, user);
}

describe('HomePage', () => {
  it('offers sign-in and account creation when nobody is signed in', async () => {
    await renderHome({}, null);

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Create an account' })).toBeTruthy();
    expect(screen.queryByText(/Please sign in to open that page/)).toBeNull();
    expect(screen.getByText('Parallel — a written, documented channel for parallel parenting.')).toBeTruthy();
  });

  it('lists the cases and offers an invitation only where the other parent is missing', async () => {
    await renderHome({
      'GET /api/cases': {
        status: 200,
        body: {
          items: [
            caseWith([{ userId: 'u1', displayName: 'Alex', role: 'creator', joinedAt: '2026-03-01T08:00:00.000Z' }]),
            caseWith(
              [
                { userId: 'u1', displayName: 'Alex', role: 'creator', joinedAt: '2026-03-01T08:00:00.000Z' },
                { userId: 'u2', displayName: 'Sam', role: 'invited', joinedAt: '2026-03-01T08:00:00.000Z' },
              ],
              { id: 'case-2', name: 'Noah' },
            ),
          ],
        },
      },
    });

    const waiting = await screen.findByRole('article', { name: 'Mia and Leo' });
    expect(within(waiting).getByText('Mia and Leo', { selector: 'dd' })).toBeTruthy();
    expect(within(waiting).getByRole('button', { name: 'Send invitation' })).toBeTruthy();
    expect(within(waiting).getByRole('link', { name: 'Mia and Leo' }).getAttribute('href')).toBe('/cases/case-1');
    const complete = screen.getByRole('article', { name: 'Noah' });
    expect(within(complete).getByText('Alex and Sam')).toBeTruthy();
    expect(within(complete).queryByRole('button', { name: 'Send invitation' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('sends an invitation and says until when it works', async () => {
    await renderHome({
      'GET /api/cases': {
        status: 200,
        body: { items: [caseWith([{ userId: 'u1', displayName: 'Alex', role: 'creator', joinedAt: '2026-03-01T08:00:00.000Z' }])] },
      },
      'POST /api/cases/case-1/invitations': {
        status: 201,
        body: { id: 'inv-1', email: 'sam@example.org', expiresAt: '2026-03-08T08:00:00.000Z' },
      },
    });

    fireEvent.change(await screen.findByLabelText('Their e-mail'), { target: { value: 'sam@example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByText(/An invitation was sent to sam@example.org\. The link works until/)).toBeTruthy();
    expect(api?.requests.at(-1)?.body).toEqual({ email: 'sam@example.org' });
  });

  it('creates a case in the chosen zone with the children named in the list', async () => {
    const created = caseWith([{ userId: 'u1', displayName: 'Alex', role: 'creator', joinedAt: '2026-03-01T08:00:00.000Z' }], {
      id: 'case-3',
      name: 'Our family',
      timeZone: 'UTC',
      children: ['Anna', 'Ben'],
    });
    await renderHome({
      'GET /api/cases': { status: 200, body: { items: [] } },
      'POST /api/cases': { status: 201, body: created },
    });

    expect(await screen.findByText(/You have no cases yet/)).toBeTruthy();
    const zone = screen.getByLabelText<HTMLSelectElement>('Time zone');
    // The test run pins TZ=UTC, so the browser's own zone is UTC.
    expect(zone.value).toBe('UTC');
    expect(zone.options.length).toBeGreaterThan(100);
    fireEvent.change(screen.getByLabelText('Case name'), { target: { value: ' Our family ' } });
    fireEvent.change(screen.getByLabelText("Children's first names"), { target: { value: 'Anna, Ben ,, ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create case' }));

    expect(await screen.findByRole('article', { name: 'Our family' })).toBeTruthy();
    expect(api?.requests.at(-1)?.body).toEqual({ name: 'Our family', timeZone: 'UTC', children: ['Anna', 'Ben'] });
  });

  it('shows a case field problem next to the field', async () => {
    await renderHome({
      'GET /api/cases': { status: 200, body: { items: [] } },
      'POST /api/cases': {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Some fields are not valid',
          details: [{ field: 'name', rule: 'minLength', message: 'name must not be empty' }],
        },
      },
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Create case' }));

    const message = await screen.findByText('Please give the case a name.');
    expect(screen.getByLabelText('Case name').getAttribute('aria-describedby')).toContain(message.id);
  });
});
