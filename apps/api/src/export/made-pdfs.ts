import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * Exports' PDFs once made, kept as `DATA_DIR/exports/<export id>.pdf`. An export's PDF is the
 * same bytes every time it is made (its entry fixes the chain, the range and the time), so
 * the bundle and later downloads send the kept file instead of setting a long record again.
 * A file is kept only when complete (written aside, then renamed into place); a process
 * that does not have it (another replica, a cleared directory) makes it again.
 */
@Injectable()
export class MadePdfs {
  private readonly directory: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.directory = join(config.dataDir, 'exports');
  }

  /** Sends the export's PDF to `out`: the kept file, or `make`'s output, kept as it goes. */
  async send(exportId: string, make: (out: Writable) => Promise<void>, out: Writable): Promise<void> {
    const file = join(this.directory, `${exportId}.pdf`);
    const madeBefore = await open(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (madeBefore) {
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
    } catch (error) {
      kept.destroy();
      await unlink(partial).catch(() => undefined);
      throw error;
    } finally {
      out.off('close', cancel);
    }
  }
}
