import { GENESIS_PREV_HASH, LEDGER_FORMAT_VERSION } from '../ledger/ledger-entry';

/** What a ledger.jsonl proven from its bytes holds. */
export interface ProvenLedger {
  count: number;
  head: { seq: number; hash: string };
  /** Where the lines of the asked-for types are, [start, end) without the newline, in order. */
  linesOfTypes: [number, number][];
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (character) => character.charCodeAt(0));

// A line as the server writes it (docs/record-format.md section 10): canonical JSON, members in
// code-point order, the payload between fixed members.
const LINE_OPEN = ascii('{"actorId":');
const NULL = ascii('null');
const AT = ascii(',"at":"');
const BODY_HASH = ascii('","bodyHash":"');
const CASE_ID = ascii('","caseId":"');
const HASH = ascii('","hash":"');
const PAYLOAD = ascii('","payload":');
const PREV_HASH = ascii(',"prevHash":"');
const SALT = ascii('","salt":"');
const SEQ = ascii('","sealed":false,"seq":');
const TYPE = ascii(',"type":"');
const LINE_CLOSE = ascii(`","v":${LEDGER_FORMAT_VERSION}}`);
// The texts the hashes are taken over (section 4): the body's and the seal's members, in order.
const BODY_OPEN = LINE_OPEN;
const BODY_PAYLOAD = ascii(',"payload":');
const BODY_SALT = ascii(',"salt":"');
const BODY_TYPE = ascii('","type":"');
const BODY_CLOSE = ascii('"}');
const SEAL_OPEN = ascii('{"at":"');
const SEAL_BODY_HASH = ascii('","bodyHash":"');
const SEAL_CASE_ID = ascii('","caseId":"');
const SEAL_PREV_HASH = ascii('","prevHash":"');
const SEAL_SEQ = ascii('","seq":');
const SEAL_CLOSE = ascii(`,"v":${LEDGER_FORMAT_VERSION}}`);

const HASH_LENGTH = 64;
const GENESIS = ascii(GENESIS_PREV_HASH);

/**
 * Proves, straight from its bytes, that a ledger.jsonl is a whole valid chain in exactly the
 * form the server writes: each line's fixed members are checked in place (strings of plain
 * ASCII, whose canonical JSON is themselves between quotes), each body's bytes (the line's own
 * payload bytes between the body's members) and each seal's bytes are put together in one
 * buffer and hashed, and every link, number and case is compared byte for byte. Nothing is
 * decoded and no entry is built: a long record verifies at close to the speed of hashing it.
 *
 * It answers undefined the moment anything is otherwise: an altered byte, another form, a
 * broken link, a head that is not the expected one. The caller then reads the file the
 * general way (verifyLedgerJsonl), which names the first problem. So this never answers for a
 * file that the general reading would reject, bar one it cannot meet: a payload that is not
 * JSON or not UTF-8 whose bytes still match its body hash, which the server never hashes.
 */
export function proveServerLedger(
  bytes: Uint8Array,
  expected: { caseId?: string; head?: { seq: number; hash: string } },
  sha256Bytes: (bytes: Uint8Array) => string,
  types: readonly string[] = [],
): ProvenLedger | undefined {
  if (bytes.length === 0) return undefined;
  const typeBytes = types.map(ascii);
  let caseId: Uint8Array | undefined = expected.caseId === undefined ? undefined : ascii(expected.caseId);
  if (caseId && (!isPlain(caseId, 0, caseId.length) || expected.caseId!.length !== caseId.length)) return undefined;
  let scratch = new Uint8Array(1 << 16);
  let previousHashAt = -1; // where the previous line's hash is, in `bytes`
  let count = 0;
  const linesOfTypes: [number, number][] = [];

  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(10, start);
    const end = newline < 0 ? bytes.length : newline;
    const seq = count + 1;

    // The members before the payload.
    let at = start;
    if (!matches(bytes, at, LINE_OPEN)) return undefined;
    at += LINE_OPEN.length;
    const actorStart = at;
    if (matches(bytes, at, NULL)) at += NULL.length;
    else {
      const close = plainString(bytes, at, end);
      if (close < 0) return undefined;
      at = close;
    }
    const actorEnd = at;
    if (!matches(bytes, at, AT)) return undefined;
    const timeStart = at + AT.length;
    const timeEnd = plainUntilQuote(bytes, timeStart, end);
    if (timeEnd < 0 || !matches(bytes, timeEnd, BODY_HASH)) return undefined;
    const bodyHashAt = timeEnd + BODY_HASH.length;
    if (!matches(bytes, bodyHashAt + HASH_LENGTH, CASE_ID)) return undefined;
    const caseStart = bodyHashAt + HASH_LENGTH + CASE_ID.length;
    const caseEnd = plainUntilQuote(bytes, caseStart, end);
    if (caseEnd < 0) return undefined;
    if (caseId === undefined) caseId = bytes.slice(caseStart, caseEnd);
    if (!equalBytes(bytes, caseStart, caseEnd, caseId)) return undefined;
    if (!matches(bytes, caseEnd, HASH)) return undefined;
    const hashAt = caseEnd + HASH.length;
    if (!matches(bytes, hashAt + HASH_LENGTH, PAYLOAD)) return undefined;
    const payloadStart = hashAt + HASH_LENGTH + PAYLOAD.length;

    // The members after it, read back from the line's end (the type and the salt hold no quote,
    // so this is the one way to read them; a payload may hold the same member names, never after its end).
    if (end - LINE_CLOSE.length < payloadStart || !matches(bytes, end - LINE_CLOSE.length, LINE_CLOSE)) return undefined;
    const typeEnd = end - LINE_CLOSE.length;
    const typeStart = plainBackToQuote(bytes, typeEnd, payloadStart) + 1;
    const seqEnd = typeStart - TYPE.length;
    if (typeStart <= 0 || !matches(bytes, seqEnd, TYPE)) return undefined;
    const seqStart = seqEnd - digitsOf(seq);
    if (!isNumber(bytes, seqStart, seqEnd, seq) || !matches(bytes, seqStart - SEQ.length, SEQ)) return undefined;
    const saltEnd = seqStart - SEQ.length;
    const saltStart = plainBackToQuote(bytes, saltEnd, payloadStart) + 1;
    const prevHashAt = saltStart - SALT.length - HASH_LENGTH;
    const tail = prevHashAt - PREV_HASH.length;
    if (saltStart <= 0 || tail < payloadStart || !matches(bytes, saltStart - SALT.length, SALT) || !matches(bytes, tail, PREV_HASH)) return undefined;
    const linked = previousHashAt < 0 ? equalBytes(bytes, prevHashAt, prevHashAt + HASH_LENGTH, GENESIS) : sameBytes(bytes, prevHashAt, previousHashAt, HASH_LENGTH);
    if (!linked) return undefined;

    // The body's bytes, then the seal's, each hashed and compared with the hash the line states.
    const needed = BODY_OPEN.length + (end - start) + 256;
    if (scratch.length < needed) scratch = new Uint8Array(needed * 2);
    let length = put(scratch, 0, BODY_OPEN);
    length = copy(scratch, length, bytes, actorStart, actorEnd);
    length = put(scratch, length, BODY_PAYLOAD);
    length = copy(scratch, length, bytes, payloadStart, tail);
    length = put(scratch, length, BODY_SALT);
    length = copy(scratch, length, bytes, saltStart, saltEnd);
    length = put(scratch, length, BODY_TYPE);
    length = copy(scratch, length, bytes, typeStart, typeEnd);
    length = put(scratch, length, BODY_CLOSE);
    if (!hexIs(sha256Bytes(scratch.subarray(0, length)), bytes, bodyHashAt)) return undefined;
    length = put(scratch, 0, SEAL_OPEN);
    length = copy(scratch, length, bytes, timeStart, timeEnd);
    length = put(scratch, length, SEAL_BODY_HASH);
    length = copy(scratch, length, bytes, bodyHashAt, bodyHashAt + HASH_LENGTH);
    length = put(scratch, length, SEAL_CASE_ID);
    length = copy(scratch, length, bytes, caseStart, caseEnd);
    length = put(scratch, length, SEAL_PREV_HASH);
    length = copy(scratch, length, bytes, prevHashAt, prevHashAt + HASH_LENGTH);
    length = put(scratch, length, SEAL_SEQ);
    length = copy(scratch, length, bytes, seqStart, seqEnd);
    length = put(scratch, length, SEAL_CLOSE);
    if (!hexIs(sha256Bytes(scratch.subarray(0, length)), bytes, hashAt)) return undefined;

    if (typeBytes.some((type) => equalBytes(bytes, typeStart, typeEnd, type))) linesOfTypes.push([start, end]);
    previousHashAt = hashAt;
    count = seq;
    start = end + 1;
  }
  const headHash = String.fromCharCode(...bytes.subarray(previousHashAt, previousHashAt + HASH_LENGTH));
  if (expected.head && (expected.head.seq !== count || expected.head.hash !== headHash)) return undefined;
  return { count, head: { seq: count, hash: headHash }, linesOfTypes };
}

function matches(bytes: Uint8Array, at: number, literal: Uint8Array): boolean {
  if (at + literal.length > bytes.length) return false;
  for (let index = 0; index < literal.length; index++) if (bytes[at + index] !== literal[index]) return false;
  return true;
}

/** A printable ASCII byte that a JSON string holds as itself (no quote, no backslash). */
function isPlainByte(byte: number): boolean {
  return byte >= 0x20 && byte <= 0x7e && byte !== 0x22 && byte !== 0x5c;
}

function isPlain(bytes: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (!isPlainByte(bytes[at]!)) return false;
  return true;
}

/** From `at` (just inside an opening quote): the index of the closing quote of a plain string, or -1. */
function plainUntilQuote(bytes: Uint8Array, at: number, end: number): number {
  for (; at < end; at++) {
    const byte = bytes[at]!;
    if (byte === 0x22) return at;
    if (!isPlainByte(byte)) return -1;
  }
  return -1;
}

/** Back from `end` (just inside a closing quote): the index of the opening quote of a plain string, or -1. */
function plainBackToQuote(bytes: Uint8Array, end: number, floor: number): number {
  for (let at = end - 1; at >= floor; at--) {
    const byte = bytes[at]!;
    if (byte === 0x22) return at;
    if (!isPlainByte(byte)) return -1;
  }
  return -1;
}

/** A quoted plain string at `at`: the index just after its closing quote, or -1. */
function plainString(bytes: Uint8Array, at: number, end: number): number {
  if (bytes[at] !== 0x22) return -1;
  const close = plainUntilQuote(bytes, at + 1, end);
  return close < 0 ? -1 : close + 1;
}

function equalBytes(bytes: Uint8Array, start: number, end: number, other: Uint8Array): boolean {
  if (end - start !== other.length) return false;
  for (let index = 0; index < other.length; index++) if (bytes[start + index] !== other[index]) return false;
  return true;
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let index = 0; index < length; index++) if (bytes[a + index] !== bytes[b + index]) return false;
  return true;
}

function digitsOf(value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  return digits;
}

/** Bytes [start, end) spell `value` in decimal, as canonical JSON writes it. */
function isNumber(bytes: Uint8Array, start: number, end: number, value: number): boolean {
  if (end > bytes.length) return false;
  let rest = value;
  for (let at = end - 1; at >= start; at--) {
    if (bytes[at] !== 0x30 + (rest % 10)) return false;
    rest = Math.floor(rest / 10);
  }
  return rest === 0;
}

/** A lowercase hex digest equals the 64 bytes at `at`. */
function hexIs(hex: string, bytes: Uint8Array, at: number): boolean {
  if (hex.length !== HASH_LENGTH) return false;
  for (let index = 0; index < HASH_LENGTH; index++) if (hex.charCodeAt(index) !== bytes[at + index]) return false;
  return true;
}

function put(target: Uint8Array, at: number, literal: Uint8Array): number {
  for (let index = 0; index < literal.length; index++) target[at + index] = literal[index]!;
  return at + literal.length;
}

function copy(target: Uint8Array, at: number, bytes: Uint8Array, start: number, end: number): number {
  // Short members byte by byte (a view for each would cost more than the copy); payloads in one move.
  if (end - start > 32) target.set(bytes.subarray(start, end), at);
  else for (let index = start; index < end; index++) target[at + index - start] = bytes[index]!;
  return at + (end - start);
}
