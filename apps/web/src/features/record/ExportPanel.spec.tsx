import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseExport } from '../../api/types';
import { alex, CASE_ID, sam } from '../../test/fixtures';
import { renderWithApi } from '../../test/render';
import { startTestApi, type CannedAnswer, type TestApi } from '../../test/testApi';
import { ExportPanel } from './ExportPanel';
import { exportMakerInWords, exportRangeInWords, exportSectionsInWords } from './exportWords';

const EXPORTS = `/api/cases/${CASE_ID}/exports`;

function caseExport(overrides: Partial<CaseExport> & Pick<CaseExport, 'id' | 'ledgerSeq' | 'createdAt'>): CaseExport {
  const base = `${EXPORTS}/${overrides.id}`;
  return {
    caseId: CASE_ID,
    requestedBy: alex.id,
    grantId: null,
    madeBy: { kind: 'parent', name: 'Alex', role: null },
    from: null,
    to: null,
    sections: ['messages', 'held-back', 'terms', 'schedule', 'expenses', 'other'],
    keyFingerprint: `SHA256:${'b'.repeat(64)}`,
    pdfUrl: `${base}/record.pdf`,
    bundleUrl: `${base}/bundle.zip`,
    ...overrides,
  };
}

const byAlex = caseExport({ id: '00000000-0000-4000-8000-000000000001', ledgerSeq: 12, createdAt: '2026-10-05T08:30:00.000Z' });
const byLawyer = caseExport({
  id: '00000000-0000-4000-8000-000000000002',
  ledgerSeq: 40,
  createdAt: '2026-11-02T17:05:00.000Z',
  requestedBy: null,
  grantId: '00000000-0000-4000-8000-0000000000aa',
  madeBy: { kind: 'professional', name: 'Jane Smith', role: 'lawyer' },
  from: '2026-10-01',
  to: '2026-10-31',
  sections: ['messages', 'held-back'],
});

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});
beforeEach(() => {
  // jsdom makes no object URLs; the download itself is what is checked here.
  URL.createObjectURL = vi.fn(() => 'blob:record');
  URL.revokeObjectURL = vi.fn();
});

async function renderPanel(answers: Record<string, CannedAnswer>, props: Partial<Parameters<typeof ExportPanel>[0]> = {}) {
  api = await startTestApi(answers);
  renderWithApi(<ExportPanel caseId={CASE_ID} exportsPath={EXPORTS} timeZone="Europe/London" readerId={alex.id} {...props} />, api.baseUrl);
  return api;
}

describe('earlier exports, in words', () => {
  it('says the range, the sections and who made it plainly', () => {
    expect(exportRangeInWords({ from: null, to: null })).toBe('The whole record');
    expect(exportRangeInWords({ from: '2026-10-01', to: '2026-10-31' })).toBe('1 Oct 2026 to 31 Oct 2026');
    expect(exportRangeInWords({ from: '2026-10-01', to: null })).toBe('From 1 Oct 2026 on');
    expect(exportRangeInWords({ from: null, to: '2026-10-31' })).toBe('Up to 31 Oct 2026');
    expect(exportSectionsInWords(byAlex.sections)).toBe('every section');
    expect(exportSectionsInWords(['held-back', 'messages'])).toBe('messages and held-back attempts');
    expect(exportSectionsInWords([])).toBe('the summary only');
    expect(exportMakerInWords(byAlex, alex.id)).toBe('you');
    expect(exportMakerInWords(byAlex, sam.id)).toBe('Alex');
    expect(exportMakerInWords(byLawyer, alex.id)).toBe('Jane Smith, lawyer');
  });
});

describe('the export panel’s earlier exports', () => {
  it('lists them newest first, each with when, by whom, range and sections, and downloads the one named', async () => {
    const server = await renderPanel(
      {
        [`GET ${EXPORTS}`]: { status: 200, body: { items: [byLawyer, byAlex], nextCursor: null } },
        [`GET ${byAlex.pdfUrl}`]: { status: 200, body: '%PDF-1.7', headers: { 'Content-Type': 'application/pdf' } },
      },
      { readerId: sam.id },
    );
    const list = await screen.findByRole('list', { name: 'Earlier exports' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading', { level: 5 }).textContent)).toEqual([
      'Mon 2 Nov 2026, 17:05 (Europe/London)',
      'Mon 5 Oct 2026, 09:30 (Europe/London)',
    ]);
    expect(items[0]!.textContent).toContain('By Jane Smith, lawyer. 1 Oct 2026 to 31 Oct 2026; the PDF prints messages and held-back attempts.');
    expect(items[1]!.textContent).toContain('By Alex. The whole record; the PDF prints every section.');
    expect(items[1]!.textContent).toContain('The signed file holds the record up to entry 12.');

    // Each button names its export for a screen reader.
    fireEvent.click(screen.getByRole('button', { name: 'Download the PDF of the export made Mon 5 Oct 2026, 09:30 (Europe/London), up to entry 12' }));
    await waitFor(() => expect(server.requests.map((request) => request.url)).toContain(byAlex.pdfUrl));
    expect(screen.getByRole('button', { name: 'Download the signed file (.zip) of the export made Mon 2 Nov 2026, 17:05 (Europe/London), up to entry 40' })).toBeTruthy();
  });

  it('says so in a sentence when there are none, and puts a new export at the top once made', async () => {
    const made = caseExport({ id: '00000000-0000-4000-8000-000000000003', ledgerSeq: 41, createdAt: '2026-11-03T10:00:00.000Z' });
    await renderPanel({
      [`GET ${EXPORTS}`]: { status: 200, body: { items: [], nextCursor: null } },
      [`POST ${EXPORTS}`]: { status: 201, body: made },
    });
    expect(await screen.findByText('No export of this record has been made yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Make the export' }));
    const list = await screen.findByRole('list', { name: 'Earlier exports' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByRole('heading', { level: 5, name: 'Tue 3 Nov 2026, 10:00 (Europe/London)' })).toBeTruthy();
    expect(list.textContent).toContain('By you. The whole record');
    expect(screen.queryByText('No export of this record has been made yet.')).toBeNull();
  });

  it('shows older exports when asked, from the cursor', async () => {
    await renderPanel({
      [`GET ${EXPORTS}`]: { status: 200, body: { items: [byLawyer], nextCursor: '40' } },
      [`GET ${EXPORTS}?cursor=40`]: { status: 200, body: { items: [byAlex], nextCursor: null } },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Show older exports' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Earlier exports' })).getAllByRole('listitem')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Show older exports' })).toBeNull();
  });

  it('tells a professional that only their own exports are listed', async () => {
    await renderPanel({ 'GET /api/professional/exports': { status: 200, body: { items: [], nextCursor: null } } }, { exportsPath: '/api/professional/exports', reader: 'professional', readerId: undefined });
    expect(await screen.findByText('You have not made an export with this access yet.')).toBeTruthy();
  });
});
