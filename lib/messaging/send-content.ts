/**
 * `sendMessage` for the content script: the same envelope and checks as
 * send.ts, over the content script's own messages only
 * (lib/messaging/content-protocol.ts), so its bundle does not build the
 * schemas of the extension pages' messages on every Facebook page.
 */
import type * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { contentProtocol, type ContentMessageName, type ContentProtocol } from './content-protocol';
import { buildEnvelope } from './envelope';
import { readReplyWith } from './reply';

type RequestOf<Name extends ContentMessageName> = z.infer<ContentProtocol[Name]['request']>;
type ResponseOf<Name extends ContentMessageName> = z.infer<ContentProtocol[Name]['response']>;

export async function sendMessage<Name extends ContentMessageName>(
  name: Name,
  payload: RequestOf<Name>,
): Promise<ResponseOf<Name>> {
  const raw: unknown = await browser.runtime.sendMessage(buildEnvelope(name, payload));
  return readReplyWith(contentProtocol[name].response, name, raw) as ResponseOf<Name>;
}
