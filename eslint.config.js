import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/**
 * Module rooms (docs/ARCHITECTURE.md#module-rooms). Each room may only look
 * one way:
 *
 * - entrypoints/ wire things together and may import components/ and lib/.
 * - components/ is the React UI and may import lib/.
 * - lib/ is logic and never imports components/: UI depends on logic, never
 *   the reverse. The content script has no React UI at all (its marker is
 *   plain DOM, lib/content/marker.ts); the workspace lives in components/workspace.
 * - The pure modules (PURE_MODULES: language detection, matching, analysis,
 *   domain, suggestions, pack parsing and validation, log export and
 *   statistics) take data and return data. The background, the CLI (Node)
 *   and tests all run them, so they use ES builtins plus a few web-standard
 *   globals all three have, and import no WXT, Dexie or Node module.
 *   Tests beside them and the training code in tools/ are exempt.
 *
 * A note on globals: typescript-eslint turns `no-undef` off for .ts/.tsx
 * (TypeScript checks names itself, against tsconfig's DOM + Node types).
 * So the browser/Node global sets below only take effect in .js files —
 * except in the pure rooms, where `no-undef` is switched back on against an
 * allow-list: that is what keeps `window` or `process` out of them.
 */

// What a pure module may use besides the ES builtins (which ecmaVersion
// 'latest' provides). Each exists in browsers, MV3 service workers and
// Node 20 alike; CryptoKey and the timers are there for the same reason.
const PURE_GLOBALS = {
  atob: 'readonly', // pack signatures (base64)
  btoa: 'readonly',
  console: 'readonly',
  crypto: 'readonly', // pack signatures, export digests (WebCrypto)
  CryptoKey: 'readonly',
  TextEncoder: 'readonly',
  TextDecoder: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly', // yielding to the event loop during long exports
  clearTimeout: 'readonly',
  // WebCrypto type names (signing.ts); no-undef sees type references too.
  SubtleCrypto: 'readonly',
  EcKeyImportParams: 'readonly',
  EcdsaParams: 'readonly',
  JsonWebKey: 'readonly',
};

// fetch-pack.ts and the team database's client (lib/team/couch-client.ts) are
// the pure modules that do I/O. fetch-pack.ts fetches a pack with
// WHATWG fetch, which is an ES-environment global in browsers, service
// workers and Node 20 alike (no `window`, no `chrome`), and takes the fetch
// function as a parameter so tests pass a fake. That keeps it usable from
// the CLI and the background, which is what "pure" is for here, so it stays
// in the room with these extra web-standard names.
const FETCH_GLOBALS = {
  fetch: 'readonly',
  AbortController: 'readonly',
  AbortSignal: 'readonly',
  Response: 'readonly',
  ReadableStreamDefaultReader: 'readonly',
  URLSearchParams: 'readonly', // the team database's change feed query
};

const PURE_MODULES = [
  'lib/language/**/*.ts',
  'lib/matching/**/*.ts',
  'lib/analysis/**/*.ts',
  'lib/domain/**/*.ts',
  'lib/suggestions/**/*.ts',
  // Packs: parsing, validation, signing, assembly. Not store.ts (Dexie).
  'lib/packs/assemble.ts',
  'lib/packs/fetch-pack.ts',
  'lib/packs/json-schema.ts',
  'lib/packs/json-text.ts',
  'lib/packs/parse.ts',
  'lib/packs/problems.ts',
  'lib/packs/schema.ts',
  'lib/packs/sheet.ts',
  'lib/packs/signing.ts',
  'lib/packs/store-records.ts',
  'lib/packs/validate.ts',
  // Log export and statistics. Not store.ts, retention.ts, merge.ts (Dexie).
  'lib/log/envelope.ts',
  'lib/log/events.ts',
  'lib/log/export-*.ts',
  'lib/log/filter.ts',
  'lib/log/import-limits.ts',
  'lib/log/missed.ts',
  'lib/log/records.ts',
  'lib/log/report.ts',
  'lib/log/stats.ts',
  // Monitoring (docs/MONITORING.md): trends, funder report, suppression, register shapes.
  'lib/log/trends.ts',
  'lib/log/post-facts.ts',
  'lib/log/group-spikes.ts',
  'lib/log/funder-report.ts',
  'lib/log/funder-report-render.ts',
  'lib/log/suppression.ts',
  'lib/groups/register.ts',
  'lib/groups/view.ts',
  // Team sync (docs/TEAM-SYNC.md): document shapes, the team secret, the design
  // document, the bundle file and the CouchDB client. Not push/pull/status (Dexie).
  'lib/log/bundle.ts',
  'lib/team/couch-client.ts',
  'lib/team/design.ts',
  'lib/team/documents.ts',
  'lib/team/error-codes.ts',
  'lib/team/messages.ts',
  'lib/team/records.ts',
  'lib/team/server.ts',
  'lib/team/team-key.ts',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.output',
      '.output-e2e',
      '.wxt',
      'bench/results',
      'test-results',
      'playwright-report',
      '**/*.min.js',
      // Bundles built from tests/fixtures/src by scripts/build-fixture-scripts.ts.
      'tests/fixtures/scripts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Both are needed for no-cycle to see anything: the resolver maps
      // extension-less imports to files the way tsc does, and `parsers` lets
      // import-x read the .ts/.tsx files it walks through (without it, it
      // silently skips them and reports no cycle at all — checked).
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // A cycle makes load order matter and hides which module owns what.
      // import-x skips `import type` edges (they vanish at build time), so
      // a types-only loop such as lib ⇄ components is left to the next rule.
      'import-x/no-cycle': 'error',
      // UI depends on logic, never the reverse: lib/ is shared by the
      // background, the CLI and tests, none of which may pull in React views.
      // Resolved paths, so every spelling of the import (type-only too) counts.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './lib',
              from: './components',
              message:
                'lib/ must not depend on components/; pass UI in from entrypoints/ if ever needed.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.strict.rules,
    },
  },
  // Code that runs in a page: extension pages, the workspace, the content
  // script, and the scripts of the e2e fixture pages.
  {
    files: ['entrypoints/**', 'components/**', 'lib/content/**', 'tests/fixtures/src/**'],
    languageOptions: { globals: globals.browser },
  },
  // The MV3 background is a service worker: no window or document.
  {
    files: ['entrypoints/background.ts', 'lib/background/**'],
    languageOptions: { globals: globals.serviceworker },
  },
  // Code that runs in Node: build and dev scripts, the CLI, benchmarks,
  // training tools, tests and config files.
  {
    files: [
      'scripts/**',
      'bench/**',
      'tools/**',
      'tests/**',
      'lib/cli/**',
      '**/*.test.{ts,tsx}',
      '*.config.{js,ts}',
    ],
    ignores: ['tests/fixtures/src/**'],
    languageOptions: { globals: globals.node },
  },
  // Pure modules: data in, data out (see the header). `no-undef` is on again
  // so an allow-list of globals means something; the restricted globals give
  // the reason in the message. Tests and training code are exempt.
  {
    files: PURE_MODULES,
    // Tests may use Node and fake browsers; declaration files only declare.
    ignores: ['**/*.test.ts', '**/*.d.ts'],
    languageOptions: { globals: PURE_GLOBALS },
    rules: {
      'no-undef': 'error',
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'self',
          'document',
          'navigator',
          'location',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'chrome',
          'browser',
        ].map((name) => ({
          name,
          message: 'Pure modules take data and return data; pass what you need in.',
        })),
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: 'Pure modules also run in the browser; no Node globals.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'wxt',
                'wxt/*',
                '#imports',
                '@wxt-dev/*',
                'dexie',
                'dexie-*',
                'node:*',
                'react',
                'react-dom',
                'react-dom/*',
              ],
              message:
                'Pure modules run in the background, the CLI and tests: no WXT, Dexie, React or Node APIs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/packs/fetch-pack.ts', 'lib/team/couch-client.ts', 'lib/domain/capped-body.ts'],
    languageOptions: { globals: FETCH_GLOBALS },
  },
);
