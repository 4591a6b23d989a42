/** The kinds of file a receipt may be, by media type. */
export const RECEIPT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'] as const;
export type ReceiptMediaType = (typeof RECEIPT_MEDIA_TYPES)[number];

/** At most 10 MB (10 × 1024 × 1024 bytes) per receipt. */
export const RECEIPT_MAX_BYTES = 10 * 1024 * 1024;

/** How many leading bytes {@link sniffReceiptType} needs to decide. */
export const RECEIPT_SNIFF_BYTES = 64;

/** ISO base media file brands of HEIF images coded with HEVC (what phones write as .heic). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let text = '';
  for (let i = start; i < start + length && i < bytes.length; i++) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/**
 * What a receipt is, from its first bytes, never from its name or the type its sender
 * declared: an .exe renamed .pdf starts with "MZ" and is refused. Only the four kinds a
 * receipt may be are recognised. (The `file-type` package knows hundreds of signatures but
 * is ESM-only, which this CommonJS API cannot load in its tests; four signatures are
 * short enough to keep here, pure and tested.)
 */
export function sniffReceiptType(head: Uint8Array): ReceiptMediaType | null {
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // HEIF: an `ftyp` box first: size (4 bytes), "ftyp", major brand, minor version, compatible brands.
  if (ascii(head, 4, 4) === 'ftyp') {
    const size = (((head[0] ?? 0) << 24) | ((head[1] ?? 0) << 16) | ((head[2] ?? 0) << 8) | (head[3] ?? 0)) >>> 0;
    const end = Math.min(size, head.length);
    const brands = [ascii(head, 8, 4)];
    for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(head, offset, 4));
    if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'image/heic';
  }
  return null;
}

/** The file name extension for a stored receipt's download. */
export function receiptExtension(mediaType: ReceiptMediaType): string {
  switch (mediaType) {
    case 'application/pdf':
      return 'pdf';
    case 'image/jpeg':
      return 'jpg';
    case 'image/png':
      return 'png';
    case 'image/heic':
      return 'heic';
  }
}
