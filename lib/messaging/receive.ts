/**
 * The receiving side of the protocol. `createMessageReceiver` turns a table
 * of handlers into one `runtime.onMessage` listener that checks the
 * envelope, the sender and the payload before a handler sees anything, and
 * checks the handler's answer before it leaves. Bad input gets an error
 * reply; it never throws into the browser's messaging machinery.
 */
import type * as z from 'zod/mini';
import type { MessageName, Reply, RequestOf, ResponseOf, SenderKind } from './protocol';
import { describeIssue, envelopeSchema, isMessageName, protocol } from './protocol';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface HandlerContext {
  senderKind: SenderKind;
  /** The sending tab, for messages from content scripts. */
  tabId: number | undefined;
}

export type Handlers = {
  [Name in MessageName]: (
    request: RequestOf<Name>,
    context: HandlerContext,
  ) => Promise<ResponseOf<Name>> | ResponseOf<Name>;
};

export interface ReceiverOptions {
  /** This extension's id; messages from anywhere else are refused. */
  extensionId: string;
  /** This extension's base URL (`runtime.getURL('')`), to recognise its pages. */
  extensionOrigin: string;
  onHandlerError?: (name: MessageName, error: unknown) => void;
}

export function classifySender(
  sender: MessageSender,
  options: ReceiverOptions,
): SenderKind | undefined {
  if (sender.id !== options.extensionId) return undefined;
  if (sender.tab?.id !== undefined && !sender.url?.startsWith(options.extensionOrigin)) {
    return 'content-script';
  }
  if (sender.url?.startsWith(options.extensionOrigin)) return 'extension-page';
  return undefined;
}

function failure(code: Extract<Reply, { ok: false }>['error']['code'], message: string): Reply {
  return { ok: false, error: { code, message } };
}

/**
 * Handles one raw message. Returns undefined for messages that are not ours
 * (so other listeners may answer them), otherwise a reply.
 */
export async function receiveMessage(
  raw: unknown,
  sender: MessageSender,
  handlers: Handlers,
  options: ReceiverOptions,
): Promise<Reply | undefined> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return undefined;
  const { name, payload } = envelope.data;
  if (!isMessageName(name)) return failure('unknown-message', `Unknown message "${name}".`);
  const definition = protocol[name];
  const senderKind = classifySender(sender, options);
  if (!senderKind || !definition.senders.includes(senderKind)) {
    return failure('forbidden-sender', `"${name}" may not be sent from here.`);
  }
  const request = definition.request.safeParse(payload);
  if (!request.success) {
    return failure('invalid-payload', `Invalid "${name}" payload: ${describeIssue(request.error)}`);
  }
  let result: unknown;
  try {
    const handler = handlers[name] as (
      request: unknown,
      context: HandlerContext,
    ) => Promise<unknown> | unknown;
    result = await handler(request.data, { senderKind, tabId: sender.tab?.id });
  } catch (error) {
    options.onHandlerError?.(name, error);
    return failure('handler-failed', error instanceof Error ? error.message : String(error));
  }
  const response = (definition.response as z.ZodMiniType).safeParse(result);
  if (!response.success) {
    return failure('invalid-response', `"${name}" produced an invalid response.`);
  }
  return { ok: true, data: response.data };
}
