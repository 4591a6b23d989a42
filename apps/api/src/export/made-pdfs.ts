import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * Exports' PDFs once made, kept as `DATA_DIR/exports/<export id>.pdf`. An export's PDF is the
 * same bytes every time it is made (its entry fixes the chain, the range and the time), so
 * the bundle and later downloads send the kept file instead of setting a long record again.
 * A file is kept only when complete (written aside, then renamed into place); a process
 * that does not have it (another replica, a cleared directory) makes it again. The directory
 * keeps at most KEPT_PDFS_MB: past it, the PDFs used least recently are removed (each can be
 * made again, the same bytes), so years of exports do not fill the disk.
 */
@Injectable()
export class MadePdfs {
  private readonly directory: string;
  private readonly keptBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.directory = join(config.dataDir, 'exports');
    this.keptBytes = config.keptPdfsMb * 1024 * 1024;
  }

  /** Sends the export's PDF to `out`: the kept file, or `make`'s output, kept as it goes. */
  async send(exportId: string, make: (out: Writable) => Promise<void>, out: Writable): Promise<void> {
    const file = join(this.directory, `${exportId}.pdf`);
    const madeBefore = await open(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (madeBefore) {
      // Used now: the last to be removed when the directory is over its size.
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
      await pipeline(madeBefore.createReadStream(), out);
      return;
    }
    await mkdir(this.directory, { recursive: true });
    const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
    const kept = createWriteStream(partial);
    const both = new PassThrough();
    // The reader's stream is ended only once the file is kept: whoever has the whole PDF can ask again and get it from the file.
    both.pipe(out, { end: false });
    both.pipe(kept);
    // The reader went away: stop making it (what was written so far is not kept).
    const cancel = () => {
      if (!out.writableFinished) both.destroy(new Error('the download was cancelled'));
    };
    out.once('close', cancel);
    try {
      await make(both);
      if (!kept.writableFinished) await once(kept, 'finish');
      await rename(partial, file);
      out.end();
      if (!out.writableFinished) await once(out, 'finish');
      await this.keepWithinSize(file);
    } catch (error) {
      kept.destroy();
      await unlink(partial).catch(() => undefined);
      throw error;
    } finally {
      out.off('close', cancel);
    }
  }

  /**
   * Removes the PDFs used least recently (by modification time, renewed at each use) until
   * the directory is within its size; `made`, just kept, stays. A reader of a removed file
   * still has it open and reads it whole.
   */
  private async keepWithinSize(made: string): Promise<void> {
    const names = (await readdir(this.directory)).filter((name) => name.endsWith('.pdf'));
    const files = await Promise.all(
      names.map(async (name) => {
        const path = join(this.directory, name);
        const stats = await stat(path).catch(() => null);
        return { path, bytes: stats?.size ?? 0, used: stats?.mtimeMs ?? 0 };
      }),
    );
    files.sort((a, b) => (a.path === made ? -1 : b.path === made ? 1 : b.used - a.used));
    let total = 0;
    for (const kept of files) {
      total += kept.bytes;
      if (total > this.keptBytes && kept.path !== made) await unlink(kept.path).catch(() => undefined);
    }
  }
}
