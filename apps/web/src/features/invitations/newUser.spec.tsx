import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { alex, CASE_ID, caseDetail, sam } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { TestApi } from '../../test/testApi';
import { formatDateTime } from '../../format';
import { filterTimeZones } from '../cases/timeZones';

// Issue 8, item 10: what a new user ran into, tried again as they would.

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

const invitation = {
  caseName: 'Mia and Leo',
  invitedBy: { displayName: 'Alex' },
  email: 'sam@example.org',
  expiresAt: '2026-03-20T10:00:00.000Z',
};

const onlyAlex = [
  { userId: alex.id, displayName: 'Alex', role: 'parent' as const, joinedAt: '2026-03-01T08:00:00.000Z' },
];

describe('forms say every problem in plain words, when a field is left and on submit', () => {
  it('flags an empty password as soon as the field is left, not on the next submit', async () => {
    api = await renderApp('/', {}, null);
    const form = await screen.findByRole('form', { name: 'Create an account' });
    const password = within(form).getByLabelText('Password');
    fireEvent.focus(password);
    fireEvent.blur(password);
    expect(
      within(form).getByText('Please choose a password: at least 12 characters. A few unrelated words work well.'),
    ).toBeTruthy();
    expect(password.getAttribute('aria-invalid')).toBe('true');
    // Put right, the note goes at once.
    fireEvent.change(password, { target: { value: 'a calm and private phrase' } });
    expect(within(form).queryByText(/Please choose a password/)).toBeNull();
  });

  it('leaves a note for the submit when focus goes straight to the button, so the click is not moved away', async () => {
    api = await renderApp('/', {}, null);
    const form = await screen.findByRole('form', { name: 'Create an account' });
    const password = within(form).getByLabelText('Password');
    fireEvent.blur(password, { relatedTarget: within(form).getByRole('button', { name: 'Create account' }) });
    expect(within(form).queryByText(/Please choose a password/)).toBeNull();
  });

  it('shows every note at once on submit, moves to the first, and sends nothing', async () => {
    api = await renderApp('/', {}, null);
    const form = await screen.findByRole('form', { name: 'Create an account' });
    fireEvent.change(within(form).getByLabelText('E-mail'), { target: { value: 'sam@example' } });
    fireEvent.change(within(form).getByLabelText('Password'), { target: { value: 'short' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create account' }));

    expect(within(form).getByText('Please give your name.')).toBeTruthy();
    expect(within(form).getByText('This does not look like an e-mail address. Please check it.')).toBeTruthy();
    expect(within(form).getByText('Use at least 12 characters. A few unrelated words work well.')).toBeTruthy();
    expect(within(form).getByRole('status').textContent).toBe(
      'Some details need another look; see the notes next to them.',
    );
    expect(document.activeElement).toBe(within(form).getByLabelText('Your name'));
    expect(api.requests.some((request) => request.url === '/api/auth/register')).toBe(false);
  });

  it('checks the case form the same way', async () => {
    api = await renderApp('/', { 'GET /api/cases': { status: 200, body: { items: [] } } }, alex);
    const form = await screen.findByRole('form', { name: 'Create a case' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create case' }));
    expect(within(form).getByText('Please give the case a name.')).toBeTruthy();
    expect(within(form).getByText('Please name at least one child.')).toBeTruthy();
    expect(api.requests.some((request) => request.method === 'POST')).toBe(false);
  });
});

describe('the time-zone list can be searched', () => {
  it('finds zones by any words of their names', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Europe/London', 'America/Argentina/Buenos_Aires'];
    expect(filterTimeZones(zones, 'new york')).toEqual(['America/New_York']);
    expect(filterTimeZones(zones, ' europe ')).toEqual(['Europe/Berlin', 'Europe/London']);
    expect(filterTimeZones(zones, 'buenos')).toEqual(['America/Argentina/Buenos_Aires']);
    expect(filterTimeZones(zones, '')).toEqual(zones);
  });

  it('chooses the first zone that matches what is typed', async () => {
    api = await renderApp('/', { 'GET /api/cases': { status: 200, body: { items: [] } } }, alex);
    const form = await screen.findByRole('form', { name: 'Create a case' });
    fireEvent.change(within(form).getByLabelText('Find a zone by city'), { target: { value: 'berlin' } });
    expect(within(form).getByLabelText<HTMLSelectElement>('Time zone').value).toBe('Europe/Berlin');
    expect(within(form).getByText('1 zone matches; the first is chosen below.')).toBeTruthy();
  });
});

describe('inviting and joining', () => {
  it('puts Create an account before Sign in on the invitation page', async () => {
    api = await renderApp('/invite/tok-1', { 'GET /api/invitations/tok-1': { status: 200, body: invitation } }, null);
    await screen.findByRole('heading', { name: 'Create an account' });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings.indexOf('Create an account')).toBeLessThan(headings.indexOf('Sign in'));
  });

  it('says on the case page that the parent joined', async () => {
    api = await renderApp(
      '/invite/tok-1',
      {
        'GET /api/invitations/tok-1': { status: 200, body: invitation },
        'POST /api/invitations/tok-1/accept': { status: 200, body: caseDetail() },
        [`GET /api/cases/${CASE_ID}`]: { status: 200, body: caseDetail() },
      },
      sam,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }));
    expect(await screen.findByText(/You joined the case “Mia and Leo”/)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe(`/cases/${CASE_ID}`));
  });

  it('shows the invitation still waiting after a reload, and asks before a new link replaces it', async () => {
    const waiting = caseDetail({
      parents: onlyAlex,
      pendingInvitation: { email: 'sam@example.org', expiresAt: '2026-03-20T10:00:00.000Z' },
    });
    api = await renderApp(
      '/',
      {
        'GET /api/cases': { status: 200, body: { items: [waiting] } },
        [`GET /api/cases/${CASE_ID}`]: { status: 200, body: waiting },
        [`POST /api/cases/${CASE_ID}/invitations`]: {
          status: 201,
          body: {
            id: 'i2',
            email: 'sam.other@example.org',
            expiresAt: '2026-03-22T10:00:00.000Z',
            mailDelivered: true,
          },
        },
      },
      alex,
    );
    const form = await screen.findByRole('form', { name: 'Invite the other parent to Mia and Leo' });
    expect(await within(form).findByText('sam@example.org')).toBeTruthy();
    expect(within(form).getByText(formatDateTime('2026-03-20T10:00:00.000Z'))).toBeTruthy();

    fireEvent.change(within(form).getByLabelText('Their e-mail'), { target: { value: 'sam.other@example.org' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send a new invitation' }));
    expect(within(form).getByText('Send a new link? The link sent to sam@example.org will stop working.')).toBeTruthy();
    expect(api.requests.some((request) => request.method === 'POST')).toBe(false);

    fireEvent.click(within(form).getByRole('button', { name: 'Send the new link' }));
    expect(await within(form).findByText('The link sent before to sam@example.org no longer works.')).toBeTruthy();
    expect(within(form).getByText(/An invitation was sent to sam.other@example.org/)).toBeTruthy();
  });
});

describe('a page that could not reach Parallel', () => {
  it('still has a main heading', async () => {
    api = await renderApp(
      '/',
      { 'GET /api/auth/me': { status: 503, body: { statusCode: 503, error: 'Unavailable', message: 'down' } } },
      null,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Parallel is not answering right now' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
