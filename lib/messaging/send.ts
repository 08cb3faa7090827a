/**
 * The sending side: wraps a request in the envelope, sends it to the
 * background and validates the reply against the protocol before the caller
 * sees it. Errors from the receiver arrive as `MessageError`.
 */
import { browser } from 'wxt/browser';
import type { MessageName, RequestOf, ResponseOf } from './protocol';
import { protocol } from './protocol';
import { buildEnvelope } from './envelope';
import { readReplyWith } from './reply';

export function readReply<Name extends MessageName>(name: Name, raw: unknown): ResponseOf<Name> {
  return readReplyWith(protocol[name].response, name, raw) as ResponseOf<Name>;
}

export async function sendMessage<Name extends MessageName>(
  name: Name,
  payload: RequestOf<Name>,
): Promise<ResponseOf<Name>> {
  const raw: unknown = await browser.runtime.sendMessage(buildEnvelope(name, payload));
  return readReply(name, raw);
}
