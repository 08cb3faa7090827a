// Tests evaluate code inside extension pages and the service worker, where
// the `chrome` namespace exists; the same version WXT's browser types use.
/// <reference types="chrome" />
