import { RECEIPT_MAX_BYTES, RECEIPT_SNIFF_BYTES, sniffReceiptType, type ReceiptMediaType } from '@parallel/domain';
import busboy from 'busboy';
import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { DomainError, InvalidInput } from '../common/errors';

/** 413: the file is over the limit. Named by field and rule like every refusal. */
export class ReceiptTooLarge extends DomainError {
  readonly status = 413;
  constructor() {
    super(`The file is larger than 10 MB. Receipts may be at most 10 MB each.`, [{ field: 'file', rule: 'maxSize', message: `file must be at most ${RECEIPT_MAX_BYTES} bytes (10 MB)` }]);
  }
}

/** 422: well-formed request, but the content is not a kind of file a receipt may be. */
export class ReceiptTypeRefused extends DomainError {
  readonly status = 422;
  constructor() {
    super('This file is not a PDF, JPEG, PNG or HEIC image. Receipts must be one of those, whatever the file is called.', [
      { field: 'file', rule: 'fileType', message: 'file must be a PDF, JPEG, PNG or HEIC (recognised by its content, not its name)' },
    ]);
  }
}

/** Room for the multipart boundaries and part headers around a file at the limit. */
const MULTIPART_OVERHEAD = 64 * 1024;

export interface ReceivedFile {
  path: string;
  mediaType: ReceiptMediaType;
  sizeBytes: number;
}

/**
 * Streams the one file of a multipart request (field `file`) to `path` in `directory`,
 * never holding it in memory: its first bytes decide its kind (a disguised file stops the
 * upload there), and the size limit stops it the moment it is passed. A request whose
 * declared length is already over the limit is refused before a byte of it is read.
 * `request` is Node's own request (Fastify's `request.raw`): Fastify leaves a multipart body unread.
 */
export function receiveReceipt(request: IncomingMessage, directory: string): Promise<ReceivedFile> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > RECEIPT_MAX_BYTES + MULTIPART_OVERHEAD) {
    discard(request);
    return Promise.reject(new ReceiptTooLarge());
  }
  if (!/^multipart\/form-data/i.test(request.headers['content-type'] ?? '')) {
    discard(request);
    return Promise.reject(new InvalidInput([{ field: 'file', rule: 'multipart', message: 'the request must be multipart/form-data with the file in the field "file"' }]));
  }
  return new Promise<ReceivedFile>((resolve, reject) => {
    let settled = false;
    let received: Promise<ReceivedFile> | null = null;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      discard(request);
      reject(error);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: RECEIPT_MAX_BYTES + 1, fields: 4, parts: 5, fieldSize: 1024 } });
    } catch {
      return fail(new InvalidInput([{ field: 'file', rule: 'multipart', message: 'the request must be multipart/form-data with a boundary' }]));
    }
    parser.on('file', (name, file) => {
      if (name !== 'file' || received) {
        file.resume();
        return fail(new InvalidInput([{ field: name, rule: 'unknownField', message: `${name} is not a known field: send one file in the field "file"` }]));
      }
      received = writeSniffed(file, join(directory, 'upload'));
      received.catch(fail);
    });
    parser.on('filesLimit', () => fail(new InvalidInput([{ field: 'file', rule: 'single', message: 'send one file per request' }])));
    parser.on('error', () => fail(new InvalidInput([{ field: 'file', rule: 'multipart', message: 'the multipart body is malformed' }])));
    parser.on('close', () => {
      if (!received) return fail(new InvalidInput([{ field: 'file', rule: 'required', message: 'file is required: send it in the multipart field "file"' }]));
      received.then((file) => {
        if (settled) return;
        settled = true;
        resolve(file);
      }, fail);
    });
    request.on('aborted', () => fail(new InvalidInput([{ field: 'file', rule: 'incomplete', message: 'the upload was interrupted' }])));
    request.pipe(parser);
  });
}

/** Writes `file` to `path`, checking its kind from the first bytes and its size as it goes. */
function writeSniffed(file: NodeJS.ReadableStream & { truncated?: boolean }, path: string): Promise<ReceivedFile> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    let head: Buffer = Buffer.alloc(0);
    let mediaType: ReceiptMediaType | null = null;
    let size = 0;
    let failed = false;
    const stop = (error: Error) => {
      if (failed) return;
      failed = true;
      file.resume(); // let the rest of the request drain without keeping it
      out.destroy();
      reject(error);
    };
    file.on('limit', () => stop(new ReceiptTooLarge()));
    file.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      // Busboy cuts the stream a byte past the limit; the limit itself is still a receipt.
      if (size > RECEIPT_MAX_BYTES) return stop(new ReceiptTooLarge());
      if (mediaType === null) {
        head = Buffer.concat([head, chunk]).subarray(0, RECEIPT_SNIFF_BYTES);
        if (head.length < RECEIPT_SNIFF_BYTES) {
          out.write(chunk);
          return;
        }
        mediaType = sniffReceiptType(head);
        if (mediaType === null) return stop(new ReceiptTypeRefused());
      }
      if (!out.write(chunk)) {
        file.pause();
        out.once('drain', () => file.resume());
      }
    });
    file.on('end', () => {
      if (failed) return;
      mediaType ??= sniffReceiptType(head);
      if (size === 0) return stop(new InvalidInput([{ field: 'file', rule: 'notEmpty', message: 'file must not be empty' }]));
      if (mediaType === null) return stop(new ReceiptTypeRefused());
      const kind = mediaType;
      out.end(() => resolve({ path, mediaType: kind, sizeBytes: size }));
    });
    file.on('error', (error: Error) => stop(error));
    out.on('error', (error) => stop(error));
  });
}

/** Reads and drops the rest of a refused request, so the client gets the answer instead of a broken pipe. */
function discard(request: IncomingMessage): void {
  request.unpipe();
  request.resume();
}
