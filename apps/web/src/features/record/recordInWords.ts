import {
  describeEntry,
  formatRecordTime,
  parseLedgerPayload,
  type ChainVerification,
  type LedgerEntry as DomainEntry,
} from '@parallel/domain';
import type { CaseParent, LedgerEntry, LedgerVerification } from '../../api/types';

export interface RecordReader {
  /** The signed-in parent: their own entries say "you". */
  userId: string;
  parents: readonly CaseParent[];
  timeZone: string;
}

/** Who an id is, for sentences: "you", the other parent's name, or Parallel itself (the ticker). */
export function nameOfFor(reader: RecordReader): (userId: string | null) => string {
  return (userId) => {
    if (userId === null) return 'Parallel';
    if (userId === reader.userId) return 'you';
    return reader.parents.find((parent) => parent.userId === userId)?.displayName ?? 'a person no longer in the case';
  };
}

export interface EntryInWords {
  seq: number;
  /** "Thu 5 Mar 2026, 18:00 (Europe/London)": the server's time, in the case's zone. */
  when: string;
  sentence: string;
  sealed: boolean;
  /** A message's or an attempt's text, shown folded under the sentence; null otherwise. */
  text: string | null;
}

/**
 * One entry of the record as a reader reads it: its time in the case's zone and one plain
 * sentence (the same words as the court PDF). A sealed entry says only that it exists. An
 * entry this version of the page does not know is named as such, never guessed at.
 */
export function entryInWords(entry: LedgerEntry, reader: RecordReader): EntryInWords {
  const when = formatRecordTime(entry.at, reader.timeZone);
  const context = { timeZone: reader.timeZone, nameOf: nameOfFor(reader), firstParentId: reader.parents[0]?.userId };
  if (entry.sealed) return { seq: entry.seq, when, sentence: describeEntry(entry, context), sealed: true, text: null };
  try {
    const { payload } = parseLedgerPayload(entry.seq, entry.type, entry.payload);
    const open = { ...entry, payload } as DomainEntry;
    const text =
      entry.type === 'message.sent' || entry.type === 'message.held_back' ? (payload as { text: string }).text : null;
    return { seq: entry.seq, when, sentence: describeEntry(open, context), sealed: false, text };
  } catch {
    return {
      seq: entry.seq,
      when,
      sentence: `An entry of a kind this page cannot put into words yet ("${entry.type}"); it still counts when the record is verified.`,
      sealed: false,
      text: null,
    };
  }
}

export interface CheckInWords {
  /** Whether the check found the record whole: "done" or "attention", never alarm. */
  tone: 'done' | 'attention';
  sentence: string;
  detail?: string;
}

function entries(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'entry' : 'entries'}`;
}

/** The result of the browser's own check, as the record page says it. */
export function browserCheckInWords(result: ChainVerification): CheckInWords {
  if (result.valid) {
    return {
      tone: 'done',
      sentence: `Verified in this browser: ${entries(result.count)}, unaltered.`,
      detail:
        result.sealedCount > 0
          ? `${entries(result.sealedCount)} ${result.sealedCount === 1 ? 'is' : 'are'} sealed in your view and ${result.sealedCount === 1 ? 'was' : 'were'} checked by ${result.sealedCount === 1 ? 'its hash' : 'their hashes'} alone.`
          : undefined,
    };
  }
  return {
    tone: 'attention',
    sentence: `Not verified in this browser: ${firstBadInWords(result.firstBadSeq, result.reason)}`,
    detail: provenUpTo(result.firstBadSeq),
  };
}

/** The server's check (which also compares the tables screens read with the record), as the page says it. */
export function serverCheckInWords(result: LedgerVerification): CheckInWords {
  if (result.valid) {
    return {
      tone: 'done',
      sentence: `Checked by Parallel's server: ${entries(result.count)}, unaltered, ending at the case's head.`,
      detail: 'The server also compared what the screens show with the record: they agree.',
    };
  }
  return {
    tone: 'attention',
    sentence: `The server's check did not pass: ${firstBadInWords(result.firstBadSeq, result.reason)}`,
    detail: provenUpTo(result.firstBadSeq),
  };
}

function firstBadInWords(firstBadSeq: number, reason: string): string {
  return `the first entry that fails is entry ${firstBadSeq} (${reason}).`;
}

function provenUpTo(firstBadSeq: number): string {
  if (firstBadSeq <= 1) return 'No entry is proven.';
  const before = firstBadSeq === 2 ? 'Entry 1 is' : `Entries 1 to ${firstBadSeq - 1} are`;
  return `${before} proven to be as ${firstBadSeq === 2 ? 'it was' : 'they were'} written; nothing from entry ${firstBadSeq} on is proven.`;
}
