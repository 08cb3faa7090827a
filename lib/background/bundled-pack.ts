/**
 * The default answer pack ships inside the extension and is installed on
 * first run and refreshed on updates — unless the user installed their own
 * version of it, which is never overwritten (PackStore.ensureBundledPack).
 */
import defaultPack from '../../packs/default-pack.json';
import { getDatabase } from '../db/database';
import { PackStore } from '../packs/store';

let inFlight: Promise<'installed' | 'updated' | 'kept'> | undefined;

/** One install at a time: `onInstalled` and a first suggestion request may both ask for it. */
export function installBundledPack(): Promise<'installed' | 'updated' | 'kept'> {
  inFlight ??= new PackStore(getDatabase()).ensureBundledPack(defaultPack).finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}
