/**
 * Canonical JSON (RFC 8785, JCS): object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings serialized as ECMAScript does. Two parties that
 * hold the same value therefore hash the same bytes, whatever their key order.
 *
 * Every verification of a record writes each entry's body through this function, so it
 * is written for speed (plain loops and string concatenation, no intermediate arrays);
 * the tests in ledger.spec.ts pin its output.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      // ECMAScript's Number serialization (what JSON.stringify writes for a finite number) is
      // exactly the one RFC 8785 prescribes; -0 becomes 0.
      return String(value);
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return arrayJson(value as readonly unknown[]);
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      return objectJson(value as Record<string, unknown>);
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
}

function arrayJson(items: readonly unknown[]): string {
  let out = '[';
  for (let index = 0; index < items.length; index++) {
    if (index > 0) out += ',';
    const item = items[index];
    out += item === undefined ? 'null' : canonicalJson(item);
  }
  return `${out}]`;
}

function objectJson(record: Record<string, unknown>): string {
  const keys = sortedKeys(record);
  let out = '{';
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const item = record[key];
    if (item === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${quoteKey(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

/**
 * The object's own keys in RFC 8785 order: by UTF-16 code units, which is what `<` compares
 * on strings. A payload has a handful of keys, for which an insertion sort beats
 * Array.prototype.sort; keys already in order (the usual case) cost one pass.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  if (keys.length > 16) return keys.sort();
  for (let index = 1; index < keys.length; index++) {
    const key = keys[index] as string;
    let at = index;
    while (at > 0 && (keys[at - 1] as string) > key) {
      keys[at] = keys[at - 1] as string;
      at--;
    }
    keys[at] = key;
  }
  return keys;
}

/** Characters JSON.stringify escapes: controls, '"', '\\' and (lone) surrogates; any surrogate takes the slow path. */
const NEEDS_ESCAPING = /[\u0000-\u001f"\\\ud800-\udfff]/;

/**
 * A string in JSON quotes, exactly as JSON.stringify writes it (RFC 8785 prescribes the
 * ECMAScript serialization). Most strings need no escaping at all: for them, quotes around
 * the text are the same bytes, made without JSON.stringify's per-call cost.
 */
function quote(text: string): string {
  return NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Quoted object keys, kept because records repeat the same few keys in every entry. */
const QUOTED_KEYS = new Map<string, string>();
const QUOTED_KEYS_MAX = 1024;

function quoteKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = quote(key);
    if (QUOTED_KEYS.size < QUOTED_KEYS_MAX) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
}
