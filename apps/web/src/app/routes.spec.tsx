import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { alex, CASE_ID, caseDetail } from '../test/fixtures';
import { renderApp } from '../test/render';
import type { TestApi } from '../test/testApi';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

const caseAnswer = { [`GET /api/cases/${CASE_ID}`]: { status: 200, body: caseDetail() } };
const address = () => screen.getByTestId('address').textContent;

describe('routes', () => {
  it('opens the case on its messages at the address notice mails carry, with the case in one line', async () => {
    api = await renderApp(`/cases/${CASE_ID}`, caseAnswer, alex);

    expect(await screen.findByRole('heading', { level: 1, name: 'Mia and Leo' })).toBeTruthy();
    expect(screen.getByText('Mia and Leo · Alex and Sam')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Write to Sam' })).toBeTruthy();
    const sections = screen.getByRole('navigation', { name: 'Case sections' });
    expect(within(sections).getByRole('link', { name: 'Messages' }).getAttribute('aria-current')).toBe('page');
    expect(within(sections).getByRole('link', { name: 'About this case' }).getAttribute('href')).toBe(`/cases/${CASE_ID}/about`);
    await waitFor(() => expect(document.title).toBe('Mia and Leo – Parallel'));
  });

  it('keeps the older messages address, leading to the case page with the same view', async () => {
    api = await renderApp(`/cases/${CASE_ID}/messages?box=sent`, caseAnswer, alex);

    expect(await screen.findByRole('heading', { level: 2, name: 'Sent' })).toBeTruthy();
    expect(address()).toBe(`/cases/${CASE_ID}`);
  });

  it('shows who and what the case is about: people, shared terms in plain words, the way to each inbox\'s terms', async () => {
    api = await renderApp(`/cases/${CASE_ID}/about`, caseAnswer, alex);

    expect(await screen.findByRole('heading', { level: 1, name: 'Mia and Leo' })).toBeTruthy();
    expect(screen.getByText('Mia and Leo', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByText('Alex and Sam')).toBeTruthy();
    const terms = screen.getByRole('region', { name: 'Shared terms in force' });
    expect(within(terms).getByText('At most 2 from each parent in any 30 days, delivered at once')).toBeTruthy();
    expect(within(terms).getByText('Alex pays 60%, Sam pays 40%')).toBeTruthy();
    expect(within(terms).getByRole('link', { name: 'terms page' }).getAttribute('href')).toBe(`/cases/${CASE_ID}/terms`);
    const sections = screen.getByRole('navigation', { name: 'Case sections' });
    expect(within(sections).getByRole('link', { name: 'About this case' }).getAttribute('aria-current')).toBe('page');
    expect(within(sections).getByRole('link', { name: 'Messages' }).getAttribute('href')).toBe(`/cases/${CASE_ID}`);
    await waitFor(() => expect(document.title).toBe('Mia and Leo – About this case – Parallel'));
  });

  it('shows the invitation still waiting, and lets the creator send a new one', async () => {
    api = await renderApp(
      `/cases/${CASE_ID}/about`,
      {
        [`GET /api/cases/${CASE_ID}`]: {
          status: 200,
          body: caseDetail({
            parents: [{ userId: alex.id, displayName: 'Alex', role: 'parent', joinedAt: '2026-03-01T08:00:00.000Z' }],
            pendingInvitation: { email: 'sam@example.org', expiresAt: '2026-03-08T08:00:00.000Z' },
          }),
        },
      },
      alex,
    );

    expect(await screen.findByText(/^Sent to sam@example.org, can be accepted until/)).toBeTruthy();
    expect(screen.getByText('Alex pays 60%, the other parent pays 40%')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send a new invitation' })).toBeTruthy();
  });

  it('moves between sections without reading the case again', async () => {
    api = await renderApp(`/cases/${CASE_ID}`, caseAnswer, alex);

    fireEvent.click(await screen.findByRole('link', { name: 'Schedule' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Schedule' })).toBeTruthy();
    expect(address()).toBe(`/cases/${CASE_ID}/schedule`);
    expect(api.requests.filter((request) => request.url === `/api/cases/${CASE_ID}`)).toHaveLength(1);
  });

  it('asks a signed-out visitor of a case to sign in, then takes them to the case', async () => {
    api = await renderApp(
      `/cases/${CASE_ID}/record`,
      { ...caseAnswer, 'POST /api/auth/login': { status: 200, body: { user: alex, token: 'not-kept' } } },
      null,
    );

    expect(await screen.findByText(/Please sign in to open that page/)).toBeTruthy();
    expect(address()).toBe('/');
    const signIn = screen.getByRole('form', { name: 'Sign in' });
    fireEvent.change(within(signIn).getByLabelText('E-mail'), { target: { value: 'alex@example.org' } });
    fireEvent.change(within(signIn).getByLabelText('Password'), { target: { value: 'a calm and private phrase' } });
    fireEvent.click(within(signIn).getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Record' })).toBeTruthy();
    expect(address()).toBe(`/cases/${CASE_ID}/record`);
  });

  it.each([404, 400])('says calmly that a case of other people cannot be opened (API %i)', async (status) => {
    api = await renderApp(
      `/cases/${CASE_ID}`,
      {
        [`GET /api/cases/${CASE_ID}`]: {
          status,
          body: { statusCode: status, error: 'Not Found', message: 'caseId must be a UUID', details: [] },
        },
      },
      alex,
    );

    expect(await screen.findByRole('heading', { name: 'This case cannot be opened' })).toBeTruthy();
    expect(screen.queryByText(/UUID/)).toBeNull();
    expect(screen.getByRole('link', { name: 'See your cases' }).getAttribute('href')).toBe('/');
  });

  it('offers to try again when the case could not be loaded for another reason', async () => {
    api = await renderApp(`/cases/${CASE_ID}`, { [`GET /api/cases/${CASE_ID}`]: { status: 502, body: '<html>Bad gateway</html>' } }, alex);

    expect(await screen.findByText('The case could not be opened. Something went wrong on our side. Please try again in a moment.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it.each([['/nowhere'], [`/cases/${CASE_ID}/settings/extra`], ['/invite/']])('shows "Page not found" at %s', async (path) => {
    api = await renderApp(path, caseAnswer, alex);

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the start page' }).getAttribute('href')).toBe('/');
  });

  it('opens the check of an exported record at /verify without signing in', async () => {
    api = await renderApp('/verify', {}, null);

    expect(await screen.findByRole('heading', { level: 1, name: 'Check an exported record' })).toBeTruthy();
    expect(screen.getByLabelText('The exported file (.zip)')).toBeTruthy();
  });

  it('says calmly when the session cannot be checked, and tries again', async () => {
    api = await renderApp('/', { 'GET /api/auth/me': { status: 503, body: '' } }, null);

    expect(
      await screen.findByText(
        'Parallel could not check whether you are signed in. Something went wrong on our side. Please try again in a moment.',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(api?.requests.filter((request) => request.url === '/api/auth/me')).toHaveLength(2));
  });
});
