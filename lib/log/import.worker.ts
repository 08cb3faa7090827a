/**
 * Entry of the log-import worker, started by import-client.ts from the
 * dashboard (docs/ARCHITECTURE.md#log-import-worker). It runs in the
 * extension's origin, so it opens the same IndexedDB database.
 */
import { getDatabase } from '../db/database';
import type { ImportWorkerPort } from './import-worker';
import { serveImports } from './import-worker';

serveImports(self as unknown as ImportWorkerPort, getDatabase);
