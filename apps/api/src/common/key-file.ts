import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** How one kind of key file is read and made. */
export interface KeyFileKind<Key> {
  /** The setting that names the file, e.g. SIGNING_KEY_FILE. */
  setting: string;
  /** How a person makes one by hand, for the error messages. */
  howToMake: string;
  /** The key in the file's text; throws (with a message for the operator) when the text holds no such key. */
  parse(text: string, file: string): Key;
  /** A new key, and the text its file holds. */
  make(): { key: Key; text: string };
}

/** A key file cannot be used: start-up stops with this message, which names the file and the setting. */
export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

/**
 * The key in `file`: read it when it exists; when it does not and no setting named it, make
 * one (mode 0600) and read it after. A file the setting names must exist. Made with the `wx`
 * flag, so a key another process made a moment ago is read, never overwritten: processes
 * that share the file share the key.
 */
export function loadOrCreateKeyFile<Key>(file: string, fromSetting: boolean, kind: KeyFileKind<Key>): Key {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' || fromSetting) throw new KeyFileError(`${kind.setting} ${file} cannot be read (${code ?? String(error)}): ${kind.howToMake}`);
    return createKeyFile(file, kind);
  }
  return kind.parse(text, file);
}

function createKeyFile<Key>(file: string, kind: KeyFileKind<Key>): Key {
  const made = kind.make();
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, made.text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKeyFile(file, true, kind);
    throw new KeyFileError(`the key file ${file} (${kind.setting}) cannot be written: ${(error as Error).message}`);
  }
  return made.key;
}
