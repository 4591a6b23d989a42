import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AppConfig } from '../config/app-config';
import { MadePdfs } from './made-pdfs';

/** A download: the bytes a reader received. */
function reader(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

const KB = 1024;
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('made PDFs kept in the data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'made-pdfs-'));
  const made = new MadePdfs({ dataDir, keptPdfsMb: 1 } as AppConfig);
  const makes: string[] = [];
  /** Sends export `id`'s PDF (`size` bytes of its first letter), noting when it had to be made. */
  const send = async (id: string, size: number): Promise<Buffer> => {
    const { out, bytes } = reader();
    await made.send(
      id,
      (pdf) => {
        makes.push(id);
        pdf.end(Buffer.alloc(size, id));
        return Promise.resolve();
      },
      out,
    );
    return bytes();
  };
  const kept = (id: string) => existsSync(join(dataDir, 'exports', `${id}.pdf`));

  it('sends a kept PDF again without making it, and removes the least recently used past its size', async () => {
    expect((await send('a', 600 * KB)).equals(Buffer.alloc(600 * KB, 'a'))).toBe(true);
    await pause();
    await send('b', 600 * KB);
    // 1.2 MB is over the 1 MB kept: the older one goes, the one just made stays.
    expect([kept('a'), kept('b')]).toEqual([false, true]);

    await pause();
    expect((await send('b', 600 * KB)).length).toBe(600 * KB);
    expect(makes).toEqual(['a', 'b']);

    await pause();
    await send('c', 300 * KB);
    await pause();
    await send('b', 600 * KB); // used again: now the most recently used but for the next one
    await pause();
    await send('d', 300 * KB);
    // d 300 KB + b 600 KB fit; c, used before b, does not.
    expect([kept('b'), kept('c'), kept('d')]).toEqual([true, false, true]);

    // A removed PDF is made again when it is asked for.
    expect((await send('a', 600 * KB)).equals(Buffer.alloc(600 * KB, 'a'))).toBe(true);
    expect(makes).toEqual(['a', 'b', 'c', 'd', 'a']);
  });
});
