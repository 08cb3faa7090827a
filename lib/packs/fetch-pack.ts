/**
 * Fetching a pack from an https address a user entered — with the team
 * database, the only network request the extension makes
 * (docs/PRODUCT.md#privacy).
 * The body is read with a size limit so a wrong address cannot exhaust
 * memory; everything else (parsing, validation) happens in the pack store.
 */

import { readCappedBytes } from '../domain/capped-body';
import { LIMITS } from '../domain/limits';
import { decodeUtf8Strict } from './json-text';

export const MAX_PACK_DOWNLOAD_BYTES = LIMITS.packBytes;

export type PackFetchFailure =
  'not-https' | 'http-status' | 'too-large' | 'not-utf8' | 'network' | 'timeout';

/**
 * A fetch that failed for a reason the user can act on. `reason` and
 * `detail` let the dashboard say it in the user's language; `message` is
 * the English form for logs and the CLI.
 */
export class PackFetchError extends Error {
  constructor(
    readonly reason: PackFetchFailure,
    message: string,
    readonly detail: { host?: string; status?: number; limitMb?: number; offset?: number } = {},
  ) {
    super(message);
    this.name = 'PackFetchError';
  }
}

/** Parses and checks an address; returns the URL or throws `PackFetchError`. */
export function parsePackUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new PackFetchError('not-https', `"${input}" is not a web address.`);
  }
  if (url.protocol !== 'https:') {
    throw new PackFetchError('not-https', 'Packs can only be fetched from https addresses.');
  }
  return url;
}

/** The host-permission pattern the browser must grant before fetching `url`. */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

export async function fetchPackText(
  input: string,
  options: { fetch?: typeof fetch; timeoutMs?: number; maxBytes?: number } = {},
): Promise<string> {
  const url = parsePackUrl(input);
  const doFetch = options.fetch ?? fetch;
  const maxBytes = options.maxBytes ?? MAX_PACK_DOWNLOAD_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 20_000);
  try {
    let response: Response;
    try {
      response = await doFetch(url, {
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
      });
    } catch (error) {
      if (controller.signal.aborted) {
        throw new PackFetchError('timeout', `${url.host} did not answer in time.`, {
          host: url.host,
        });
      }
      throw new PackFetchError(
        'network',
        `Could not reach ${url.host}: ${error instanceof Error ? error.message : String(error)}`,
        { host: url.host },
      );
    }
    if (response.url && !response.url.startsWith('https:')) {
      throw new PackFetchError('not-https', 'The address redirected to a non-https page.');
    }
    if (!response.ok) {
      throw new PackFetchError('http-status', `${url.host} answered ${response.status}.`, {
        host: url.host,
        status: response.status,
      });
    }
    const tooLarge = () =>
      new PackFetchError('too-large', `The file is larger than ${maxBytes / 1024 / 1024} MB.`, {
        limitMb: maxBytes / 1024 / 1024,
      });
    const bytes = await readCappedBytes(response, maxBytes, tooLarge);
    return decodeOrRefuse(bytes);
  } finally {
    clearTimeout(timer);
  }
}

function decodeOrRefuse(bytes: Uint8Array): string {
  const decoded = decodeUtf8Strict(bytes);
  if ('text' in decoded) return decoded.text;
  throw new PackFetchError(
    'not-utf8',
    `The file is not valid UTF-8 text (at byte ${String(decoded.offset)}).`,
    { offset: decoded.offset },
  );
}
