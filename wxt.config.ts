import { defineConfig } from 'wxt';
import { SECRET_FILE_GLOBS } from './scripts/lib/package-secrets';

/**
 * `E2E=1` builds the test variant (docs/PRODUCT.md#test-build): the content script
 * also runs on localhost so Playwright and the demo can drive local fixture
 * pages, and the output goes to its own folder so it can never be mistaken
 * for the package we ship.
 */
const isTestBuild = process.env.E2E === '1';
const LOCAL_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: the CLI runs lib/ under tsx, which knows no auto-imports.
  imports: false,
  manifestVersion: 3,
  outDir: isTestBuild ? '.output-e2e' : '.output',
  // The background carries the language models and the default pack (~1.7 MB raw by design,
  // measured in BENCHMARKS.md); Vite's 500 kB web-page warning does not apply to it.
  vite: () => ({
    build: { chunkSizeWarningLimit: 2500 },
    // Read by lib/content/build-flags.ts: open shadow roots and data attributes for tests only.
    define: { __OA_TEST_BUILD__: JSON.stringify(isTestBuild) },
  }),
  zip: {
    // The Firefox sources zip (for Mozilla's review) is made from the working tree, not from
    // git: leave out keys and secrets, and what tests and benchmarks leave behind.
    excludeSources: [
      ...SECRET_FILE_GLOBS,
      'tools/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      '**/*.log',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Outreach Advisor',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    // Asked for at run time, one host at a time: a pack's address, the team database. The
    // local http hosts are for a team test server on the admin's own machine (npm run
    // couch:test-server); Firefox refuses to ask for a host this list does not cover.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'outreach-advisor@outreach-advisor.eu',
              // data_collection_permissions needs Firefox 140 (142 on Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
          // The marker's hint names this shortcut (locales/*/marker.json).
          commands: {
            _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+O' } },
          },
        }
      : {
          // Chrome 116: the workspace is a side panel (`side_panel` needs 114) that a
          // post's marker opens with `sidePanel.open` (116). The bundle's JavaScript
          // targets Vite 8's "baseline widely available" set (chrome111).
          minimum_chrome_version: '116',
          // Alt+Shift+O opens the workspace in both browsers (lib/background/start.ts).
          commands: {
            'open-workspace': {
              suggested_key: { default: 'Alt+Shift+O' },
              description: '__MSG_commandOpenWorkspace__',
            },
          },
        }),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!isTestBuild) return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...LOCAL_MATCHES];
      }
      // The team sync tests run a CouchDB-compatible server on 127.0.0.1; granted up
      // front, so `permissions.request` answers without a prompt no test can click.
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...LOCAL_MATCHES];
    },
  },
});
