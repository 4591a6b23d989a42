import { createHash, hash, randomBytes } from 'node:crypto';
import type { Sha256Hex } from '@parallel/domain';

/**
 * SHA-256 from `node:crypto` for the record's hashes: the same function as the domain's
 * portable one, several times faster (BENCHMARKS.md, "Ledger verification").
 * `crypto.hash` (Node 20.12+) skips the Hash object of `createHash`.
 */
export const nodeSha256Hex: Sha256Hex =
  typeof hash === 'function' ? (text) => hash('sha256', text, 'hex') : (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A fresh salt for a ledger entry: 128 random bits, hex. */
export function newLedgerSalt(): string {
  return randomBytes(16).toString('hex');
}
