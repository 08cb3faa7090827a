// Every unit test gets a real IndexedDB implementation in memory and a
// fresh WXT fake browser, so no test depends on state another one left.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setClassifierLoader } from '../../lib/background/bundled-classifier';
import { readTopicClassifier } from '../../lib/cli/classifier-file';

// The background's matcher uses the shipped classifier, read from disk here
// (there is no extension package to fetch it from; bundled-classifier.test.ts
// tests the fetch).
setClassifierLoader(() => Promise.resolve(readTopicClassifier()));

beforeEach(() => {
  fakeBrowser.reset();
});
