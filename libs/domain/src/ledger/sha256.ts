import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * SHA-256 of a string's UTF-8 bytes, as lowercase hex. The record's hashes are made and
 * checked through this one signature, so each runtime plugs in its fastest well-kept
 * implementation: `node:crypto` in the API and command line, this one in the browser.
 */
export type Sha256Hex = (text: string) => string;

/** The portable implementation (@noble/hashes, audited, synchronous): the browser's verifier uses it. */
export const sha256Hex: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));
