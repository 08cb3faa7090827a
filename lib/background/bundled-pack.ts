/**
 * The default answer pack ships inside the extension and is installed on
 * first run and refreshed on updates — unless the user installed their own
 * version of it, which is never overwritten (PackStore.ensureBundledPack).
 *
 * It ships as a file next to the worker, not inside its script: the worker
 * evaluates its script on every wake-up, and the pack (about a quarter of
 * that script when it was imported as a module) is needed only when it is
 * installed or refreshed. Vite's `?url` import copies the file into the
 * build and gives its path.
 */
import defaultPackUrl from '../../packs/default-pack.json?url';
import { getDatabase } from '../db/database';
import { PackStore } from '../packs/store';
import { fetchPackagedFile } from './packaged-file';

let inFlight: Promise<'installed' | 'updated' | 'kept'> | undefined;

/** The bundled pack's text, read from the extension's own files. */
async function readBundledPack(): Promise<string> {
  return (await fetchPackagedFile(defaultPackUrl, 'the bundled pack')).text();
}

/** One install at a time: `onInstalled` and a first suggestion request may both ask for it. */
export function installBundledPack(): Promise<'installed' | 'updated' | 'kept'> {
  inFlight ??= readBundledPack()
    .then((text) => new PackStore(getDatabase()).ensureBundledPack(text))
    .finally(() => {
      inFlight = undefined;
    });
  return inFlight;
}
