import { PROFESSIONAL_ROLE_WORDS, formatRecordTime } from '@parallel/domain';
import type { CaseExport, NewExport } from '../../api/types';
import { formatList } from '../../format';

export type ExportSection = NonNullable<NewExport['sections']>[number];

/** The sections the PDF can print after its summary, in the order it prints them. */
export const EXPORT_SECTION_CHOICES: { value: ExportSection; label: string; hint: string }[] = [
  { value: 'messages', label: 'Messages', hint: 'every message with its full text, when it was sent, delivered and first read' },
  { value: 'held-back', label: 'Held-back attempts', hint: 'messages kept out of an inbox by its limits, with their text' },
  { value: 'terms', label: 'Terms of contact', hint: 'the first terms, each proposal and answer, each inbox change' },
  { value: 'schedule', label: 'Schedule', hint: 'plans and their answers, single-day changes, swaps and exchange check-ins' },
  { value: 'expenses', label: 'Expenses and payments', hint: 'each expense with its answer, each payment with its confirmation' },
  { value: 'other', label: 'Other entries', hint: 'everything else in the record, one sentence each' },
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1 Oct 2026" from "2026-10-01": a day of the case's calendar, with no zone to convert. */
function dayInWords(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${date ?? ''} ${MONTHS[(month ?? 1) - 1] ?? ''} ${year ?? ''}`;
}

/** "The whole record", "1 Oct 2026 to 1 Nov 2026", "From 1 Oct 2026 on", "Up to 1 Nov 2026". */
export function exportRangeInWords(made: Pick<CaseExport, 'from' | 'to'>): string {
  if (made.from && made.to) return `${dayInWords(made.from)} to ${dayInWords(made.to)}`;
  if (made.from) return `From ${dayInWords(made.from)} on`;
  if (made.to) return `Up to ${dayInWords(made.to)}`;
  return 'The whole record';
}

/** "every section", "messages and held-back attempts", "the summary only". */
export function exportSectionsInWords(sections: readonly string[]): string {
  if (sections.length === 0) return 'the summary only';
  if (EXPORT_SECTION_CHOICES.every((choice) => sections.includes(choice.value))) return 'every section';
  return formatList(EXPORT_SECTION_CHOICES.filter((choice) => sections.includes(choice.value)).map((choice) => choice.label.toLowerCase()));
}

/** "you", "Sam", or "Jane Smith, lawyer": who made an export, the reader as "you". */
export function exportMakerInWords(made: Pick<CaseExport, 'madeBy' | 'requestedBy'>, readerId?: string): string {
  if (made.madeBy.kind === 'parent') return readerId !== undefined && made.requestedBy === readerId ? 'you' : made.madeBy.name;
  return made.madeBy.role ? `${made.madeBy.name}, ${PROFESSIONAL_ROLE_WORDS[made.madeBy.role]}` : made.madeBy.name;
}

/** When it was made, in the case's zone, as every time of the record is written. */
export function exportTimeInWords(made: Pick<CaseExport, 'createdAt'>, timeZone: string): string {
  return formatRecordTime(made.createdAt, timeZone);
}
