import { canonicalJson } from './canonical-json';
import { LEDGER_FORMAT_VERSION, withBodyText, type LedgerEntrySeal, type OpenLedgerEntry } from './ledger-entry';

/**
 * One line of an export's ledger.jsonl: the open entry as canonical JSON (RFC 8785, members
 * sorted; docs/record-format.md section 3 and 10). Members sort as actorId, at, bodyHash,
 * caseId, hash, payload, prevHash, salt, sealed, seq, type, v, so the payload sits between
 * fixed members and its canonical text can be carried over from the stored body text
 * (`{"actorId":…,"payload":…,"salt":…,"type":…}`) instead of being written again. A long
 * record writes and reads these lines by the hundred thousand; both directions below are
 * exact, and fall back to full canonical JSON whenever the text is not in the expected shape.
 */
export function openLedgerLine(entry: OpenLedgerEntry): string {
  const payloadText = entry.bodyText === undefined ? undefined : payloadTextOfBody(entry.bodyText, entry);
  if (payloadText === undefined) {
    const { v, caseId, seq, at, prevHash, bodyHash, hash, type, actorId, payload, salt } = entry;
    return canonicalJson({ v, caseId, seq, at, prevHash, bodyHash, hash, type, actorId, payload, salt, sealed: false });
  }
  return `${linePrefix(entry)}${payloadText}${lineSuffix(entry)}`;
}

/** A stored body's fixed members (`{"actorId":…,"payload":…,"salt":…,"type":…}`), each a string JSON writes as it stands, or null. */
const STORED_BODY_HEAD = /^\{"actorId":(null|"[^"\\\x00-\x1f\ud800-\udfff]*"),"payload":/;
const STORED_BODY_TAIL = /,"salt":"([^"\\\x00-\x1f\ud800-\udfff]*)","type":"([^"\\\x00-\x1f\ud800-\udfff]*)"\}$/;
/** Seal members a line writes between plain quotes: JSON writes them as they stand. */
const PLAIN_MEMBER = /^[^"\\\x00-\x1f\ud800-\udfff]*$/;

/**
 * openLedgerLine of the entry a stored row holds, written from the row's seal and its stored
 * body text without reading the body into an entry: the body's fixed members are matched
 * and its payload's text carried over. Undefined when the body or a seal member is not in
 * that plain form (then the entry is read and written out whole).
 */
export function openLedgerLineOfStoredBody(seal: LedgerEntrySeal, bodyText: string): string | undefined {
  const head = STORED_BODY_HEAD.exec(bodyText);
  const tail = head ? STORED_BODY_TAIL.exec(bodyText) : null;
  if (!head || !tail || tail.index < head[0].length) return undefined;
  const { at, bodyHash, caseId, hash, prevHash } = seal;
  if (![at, bodyHash, caseId, hash, prevHash].every((member) => PLAIN_MEMBER.test(member)) || !Number.isSafeInteger(seal.seq) || !Number.isSafeInteger(seal.v)) return undefined;
  const payloadText = bodyText.slice(head[0].length, tail.index);
  return `{"actorId":${head[1]},"at":"${at}","bodyHash":"${bodyHash}","caseId":"${caseId}","hash":"${hash}","payload":${payloadText},"prevHash":"${prevHash}","salt":"${tail[1]}","sealed":false,"seq":${seal.seq},"type":"${tail[2]}","v":${seal.v}}`;
}

/**
 * The body text a line of ledger.jsonl spells, when the line is canonical: its payload's text
 * taken as it stands, the other members written from `parsed` (the line's own JSON.parse).
 * Undefined when the line is not in canonical form (then the body is written from the fields).
 *
 * Why this is safe to verify with: the line must equal, byte for byte, the fixed members
 * written from `parsed` around the payload's text; so that text is the line's one payload
 * value, and `parsed.payload` is it. Should the text not be the original canonical payload,
 * its hash cannot match the entry's body hash and verification fails there.
 */
export function bodyTextOfLedgerLine(line: string, parsed: OpenLedgerEntry): string | undefined {
  const prefix = linePrefix(parsed);
  const suffix = lineSuffix(parsed);
  if (line.length <= prefix.length + suffix.length || !line.startsWith(prefix) || !line.endsWith(suffix)) return undefined;
  const payloadText = line.slice(prefix.length, line.length - suffix.length);
  return `{"actorId":${canonicalJson(parsed.actorId)},"payload":${payloadText},"salt":${canonicalJson(parsed.salt)},"type":${canonicalJson(parsed.type)}}`;
}

function linePrefix(entry: OpenLedgerEntry): string {
  return `{"actorId":${canonicalJson(entry.actorId)},"at":${canonicalJson(entry.at)},"bodyHash":${canonicalJson(entry.bodyHash)},"caseId":${canonicalJson(entry.caseId)},"hash":${canonicalJson(entry.hash)},"payload":`;
}

function lineSuffix(entry: OpenLedgerEntry): string {
  return `,"prevHash":${canonicalJson(entry.prevHash)},"salt":${canonicalJson(entry.salt)},"sealed":false,"seq":${canonicalJson(entry.seq)},"type":${canonicalJson(entry.type)},"v":${canonicalJson(entry.v)}}`;
}

/** The payload's canonical text inside a stored body text, or undefined when the text is not in the expected shape. */
function payloadTextOfBody(bodyText: string, entry: OpenLedgerEntry): string | undefined {
  const head = `{"actorId":${canonicalJson(entry.actorId)},"payload":`;
  const tail = `,"salt":${canonicalJson(entry.salt)},"type":${canonicalJson(entry.type)}}`;
  if (bodyText.length <= head.length + tail.length || !bodyText.startsWith(head) || !bodyText.endsWith(tail)) return undefined;
  return bodyText.slice(head.length, bodyText.length - tail.length);
}

/** The members before the payload, each a plain string (no escapes) or null. */
const CANONICAL_LINE_HEAD = /^\{"actorId":(null|"[^"\\]*"),"at":"([^"\\]*)","bodyHash":"([^"\\]*)","caseId":"([^"\\]*)","hash":"([^"\\]*)","payload":/;
/** The members after it, from `,"prevHash"` to the end of the line. */
const CANONICAL_LINE_TAIL = /,"prevHash":"([^"\\]*)","salt":"([^"\\]*)","sealed":false,"seq":(0|[1-9][0-9]{0,15}),"type":"([^"\\]*)","v":(0|[1-9][0-9]{0,5})\}$/y;

/**
 * The open entry a canonical line of ledger.jsonl holds, read without parsing the line as a
 * whole: its fixed members are plain strings and numbers matched around the payload, whose
 * text is taken as it stands into the body text (and parsed for the entry's `payload`).
 * Undefined when the line is not in that form (then it is parsed as JSON).
 *
 * As with bodyTextOfLedgerLine, this is safe to verify with: the body text hashed is the
 * line's own payload text between fixed members, so it matches the entry's body hash only
 * if it is the original canonical payload, byte for byte.
 */
export function openEntryOfCanonicalLine(line: string): OpenLedgerEntry | undefined {
  const head = CANONICAL_LINE_HEAD.exec(line);
  if (!head) return undefined;
  const tailAt = line.lastIndexOf(',"prevHash":"');
  if (tailAt < head[0].length) return undefined;
  CANONICAL_LINE_TAIL.lastIndex = tailAt;
  const tail = CANONICAL_LINE_TAIL.exec(line);
  if (!tail) return undefined;
  const [, actorText, at, bodyHash, caseId, hash] = head as unknown as [string, string, string, string, string, string];
  const [, prevHash, salt, seqText, type, vText] = tail as unknown as [string, string, string, string, string, string];
  const payloadText = line.slice(head[0].length, tailAt);
  const actorId = actorText === 'null' ? null : actorText.slice(1, -1);
  let payload: unknown;
  try {
    payload = JSON.parse(payloadText);
  } catch {
    return undefined;
  }
  const entry = {
    v: Number(vText) as typeof LEDGER_FORMAT_VERSION,
    caseId,
    seq: Number(seqText),
    at,
    prevHash,
    bodyHash,
    hash,
    type,
    actorId,
    payload,
    salt,
    sealed: false,
  } as unknown as OpenLedgerEntry;
  return withBodyText(entry, `{"actorId":${actorText},"payload":${payloadText},"salt":"${salt}","type":"${type}"}`);
}
