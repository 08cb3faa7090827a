/**
 * Build-time switches. `__OA_TEST_BUILD__` is defined by wxt.config.ts
 * (`E2E=1` at build time, docs/PRODUCT.md#test-build); unit tests run
 * without it and get the production behaviour.
 */
declare const __OA_TEST_BUILD__: boolean | undefined;

/** The test build: open shadow roots and the DOM contract's data attributes for tests. */
export const TEST_BUILD: boolean = typeof __OA_TEST_BUILD__ !== 'undefined' && __OA_TEST_BUILD__;
