// Every unit test gets a real IndexedDB implementation in memory and a
// fresh WXT fake browser, so no test depends on state another one left.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
