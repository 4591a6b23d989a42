import { sniffReceiptType } from './receipt-type';

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));
const box = (brand: string, ...compatible: string[]) => {
  const size = 16 + compatible.length * 4;
  return bytes([0, 0, 0, size], 'ftyp', brand, [0, 0, 0, 0], ...compatible);
};

describe('sniffReceiptType', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['a PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg'],
    ['a JPEG with EXIF first', bytes([0xff, 0xd8, 0xff, 0xe1, 0x20, 0], 'Exif'), 'image/jpeg'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'image/png'],
    ['a HEIC from a phone', box('heic', 'mif1', 'heic'), 'image/heic'],
    ['a HEIF with HEVC only among its compatible brands', box('mif1', 'mif1', 'heic'), 'image/heic'],
    ['a HEIC sequence', box('hevc', 'msf1'), 'image/heic'],
    ['an AVIF (HEIF, but AV1)', box('avif', 'mif1', 'miaf'), null],
    ['an MP4 video', box('isom', 'iso2', 'mp41'), null],
    ['a Windows program', bytes('MZ', [0x90, 0, 3, 0]), null],
    ['a ZIP (or an Office file)', bytes('PK', [3, 4]), null],
    ['HTML', bytes('<!doctype html><html>'), null],
    ['a PDF signature not at the start', bytes(' %PDF-1.4'), null],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e, 0x47]), null],
    ['nothing', bytes(), null],
  ])('%s', (_name, head, expected) => {
    expect(sniffReceiptType(head)).toBe(expected);
  });
});
