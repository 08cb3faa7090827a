/**
 * The default answer pack ships inside the extension and is installed on
 * first run and refreshed on updates — unless the user installed their own
 * version of it, which is never overwritten (PackStore.ensureBundledPack).
 */
import defaultPack from '../../packs/default-pack.json';
import { getDatabase } from '../db/database';
import { PackStore } from '../packs/store';

export async function installBundledPack(): Promise<'installed' | 'updated' | 'kept'> {
  return new PackStore(getDatabase()).ensureBundledPack(defaultPack);
}
