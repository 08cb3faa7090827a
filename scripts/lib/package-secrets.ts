/**
 * What must never be inside a package we hand out: signing keys and local
 * environment files. The same list is the sources zip's exclusion in
 * wxt.config.ts and the check that `npm run build` runs over every zip it
 * made (scripts/check-packages.ts), so a key that a new pattern misses in
 * one place is still caught in the other.
 */

/** Glob patterns (fast-glob syntax, as WXT's `zip.excludeSources` takes them). */
export const SECRET_FILE_GLOBS = [
  '**/*.private-key.json',
  '**/*.key.json',
  '**/*.key',
  '**/*.pem',
  '**/keys/**',
  '**/.env',
  '**/.env.*',
] as const;

const SECRET_NAME =
  /(^|\/)(keys\/|[^/]*\.private-key\.json$|[^/]*\.key\.json$|[^/]*\.key$|[^/]*\.pem$|\.env(\.[^/]*)?$)/;

/** True when a path inside a zip (forward slashes) looks like a key or secret. */
export function isSecretPath(path: string): boolean {
  return SECRET_NAME.test(path);
}
