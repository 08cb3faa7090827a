/**
 * A response body's bytes with a ceiling, for the two places that download
 * something a server chose the size of: answer packs (lib/packs/fetch-pack.ts)
 * and the team database (lib/team/couch-client.ts). A declared length over
 * the ceiling is refused before reading when the body is not compressed
 * (content-length then counts compressed bytes); otherwise the bytes are
 * counted as they arrive and the download is cancelled at the ceiling.
 */
export async function readCappedBytes(
  response: Response,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (!response.headers.get('content-encoding') && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge();
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
