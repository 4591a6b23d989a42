import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'parallel.lock';

/** Another running process holds the data directory: retrying cannot help, so nothing retries it. */
export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Parallel process (pid ${ownerPid}). ` +
        'Stop that process, or set DATA_DIR to another directory, or set DATABASE_URL to use PostgreSQL.',
    );
    this.name = 'DataDirInUse';
  }
}

/**
 * An embedded database may be opened by one process only. The lock file holds the
 * owner's pid; a lock left by a process that no longer runs (a crash) is taken over.
 * Throws DataDirInUse when another live process holds it.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = liveOtherOwner(dataDir);
      if (owner !== null) throw new DataDirInUse(dataDir, owner);
      try {
        unlinkSync(lockPath);
      } catch (unlinkError) {
        // Its owner removed it meanwhile: try again.
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}

/**
 * Throws DataDirInUse at once when another live process holds `dataDir`, before anything
 * slow starts; `lockDataDir` still takes the lock for real when the database opens.
 */
export function assertDataDirFree(dataDir: string): void {
  const owner = liveOtherOwner(dataDir);
  if (owner !== null) throw new DataDirInUse(dataDir, owner);
}

/** The pid in the lock file when it names another process that still runs, else null. */
function liveOtherOwner(dataDir: string): number | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, LOCK_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const owner = Number(text);
  return Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner) ? owner : null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
