import { describe, expect, it } from 'vitest';
import { makePack } from '../../tests/packs/make-pack';
import { parsePack } from './parse';
import type { Pack, PackSignature } from './schema';
import {
  canonicalPackBytes,
  generateSigningKeys,
  keyIdOf,
  parsePublicKeyFile,
  signPack,
  verifyPack,
} from './signing';

const keys = await generateSigningKeys('Beratungsstelle Test');
const other = await generateSigningKeys('Someone else');
const trusted = [await parsePublicKeyFile(keys.publicKey)];

function signatureOf(pack: Pack): PackSignature {
  if (!pack.signature) throw new Error('expected a signed pack');
  return pack.signature;
}

describe('pack signing', () => {
  it('verifies a signed pack as trusted when its key is trusted', async () => {
    const signed = await signPack(makePack(), keys.privateKey);
    expect(signed.signature?.keyId).toBe(await keyIdOf(keys.publicKey.publicKey));
    await expect(verifyPack(signed, trusted)).resolves.toMatchObject({
      status: 'trusted',
      signer: 'Beratungsstelle Test',
    });
  });

  it('still verifies after the file is re-indented and its keys reordered', async () => {
    const signed = await signPack(makePack(), keys.privateKey);
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    const reparsed = parsePack(JSON.stringify(reordered, null, 4));
    expect(reparsed.ok).toBe(true);
    if (reparsed.ok)
      await expect(verifyPack(reparsed.pack, trusted)).resolves.toMatchObject({
        status: 'trusted',
      });
  });

  it('refuses a pack in which one character changed after signing', async () => {
    const signed = await signPack(makePack(), keys.privateKey);
    const text = JSON.stringify(signed).replace('Der Mindestlohn gilt', 'Der Mindestlohn gilt!');
    const reparsed = parsePack(text);
    expect(reparsed.ok).toBe(true);
    if (reparsed.ok) {
      await expect(verifyPack(reparsed.pack, trusted)).resolves.toEqual({
        status: 'invalid',
        reason: 'the content was changed after signing',
      });
    }
  });

  it('reports an unknown signer when the signature is valid but the key is not trusted', async () => {
    const signed = await signPack(makePack(), other.privateKey);
    await expect(verifyPack(signed, trusted)).resolves.toMatchObject({
      status: 'unknown-signer',
      signer: 'Someone else',
    });
  });

  it('reports an unsigned pack', async () => {
    await expect(verifyPack(makePack(), trusted)).resolves.toEqual({ status: 'unsigned' });
  });

  it('refuses a signature whose embedded key was swapped for a trusted one', async () => {
    const signed = await signPack(makePack(), other.privateKey);
    const forged: Pack = {
      ...signed,
      signature: {
        ...signatureOf(signed),
        keyId: keys.publicKey.keyId,
        publicKey: keys.publicKey.publicKey,
        signer: 'Beratungsstelle Test',
      },
    };
    await expect(verifyPack(forged, trusted)).resolves.toMatchObject({ status: 'invalid' });
  });

  it('refuses a key id that does not belong to the key, and a malformed signature', async () => {
    const signed = await signPack(makePack(), keys.privateKey);
    await expect(
      verifyPack(
        { ...signed, signature: { ...signatureOf(signed), keyId: 'a'.repeat(64) } },
        trusted,
      ),
    ).resolves.toMatchObject({ status: 'invalid' });
    await expect(
      verifyPack({ ...signed, signature: { ...signatureOf(signed), value: '!!!' } }, trusted),
    ).resolves.toMatchObject({ status: 'invalid' });
  });

  it('signs canonical JSON without signature and $schema', async () => {
    const pack = makePack();
    const text = new TextDecoder().decode(
      canonicalPackBytes({ ...pack, $schema: './pack.schema.json' }),
    );
    expect(text.startsWith('{"answers":[{"canonicalVersion":1,')).toBe(true);
    expect(text).not.toContain('$schema');
    const signed = await signPack(pack, keys.privateKey);
    expect(canonicalPackBytes(signed)).toEqual(canonicalPackBytes(pack));
  });

  it('rejects a public key file whose id does not match its key', async () => {
    await expect(
      parsePublicKeyFile({ ...keys.publicKey, keyId: other.publicKey.keyId }),
    ).rejects.toThrow('keyId does not match');
  });
});

describe('signature format 2 (finding 12)', () => {
  it('signs the signer and the time: relabelling either makes the pack invalid', async () => {
    const signed = await signPack(makePack(), keys.privateKey);
    expect(signed.signature?.format).toBe(2);
    const relabelled = {
      ...signed,
      signature: { ...signatureOf(signed), signer: 'Bundesministerium Legal Dept' },
    };
    const redated = {
      ...signed,
      signature: { ...signatureOf(signed), signedAt: '2099-01-01T00:00:00Z' },
    };
    for (const pack of [relabelled, redated])
      await expect(verifyPack(pack, trusted)).resolves.toMatchObject({ status: 'invalid' });
  });

  it('refuses a format-2 signature turned into format 1 by removing the field', async () => {
    const signed = await signPack(makePack(), keys.privateKey);
    const { format: _format, ...v1Block } = signatureOf(signed);
    await expect(verifyPack({ ...signed, signature: v1Block }, trusted)).resolves.toMatchObject({
      status: 'invalid',
    });
  });

  it('still verifies a format-1 signature (content only)', async () => {
    const pack = makePack();
    const privateKey = await crypto.subtle.importKey(
      'jwk',
      keys.privateKey.privateKeyJwk as JsonWebKey,
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['sign'],
    );
    const value = new Uint8Array(
      await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        privateKey,
        canonicalPackBytes(pack),
      ),
    );
    const v1: Pack = {
      ...pack,
      signature: {
        algorithm: 'ECDSA-P256-SHA256',
        keyId: keys.publicKey.keyId,
        publicKey: keys.publicKey.publicKey,
        signer: 'Claims Anything',
        signedAt: '2026-01-01T00:00:00Z',
        value: btoa(String.fromCharCode(...value)),
      },
    };
    await expect(verifyPack(v1, trusted)).resolves.toMatchObject({
      status: 'trusted',
      format: 1,
      // Shown: the trusted key's own label, not the claim.
      signer: 'Beratungsstelle Test',
      claimedSigner: 'Claims Anything',
    });
  });
});

describe('signatures and link normalisation', () => {
  it('a pack signed with links as written verifies after reading normalised them', async () => {
    const pack = makePack();
    const answer = pack.answers[0];
    if (!answer) throw new Error('expected an answer');
    pack.answers[0] = { ...answer, links: [{ url: 'HTTPS://www.Zoll.de', label: 'Zoll' }] };
    const signed = await signPack(pack, keys.privateKey);
    const read = parsePack(JSON.stringify(signed), { today: '2026-03-01' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.pack.answers[0]?.links[0]?.url).toBe('https://www.zoll.de/');
    await expect(verifyPack(read.pack, trusted)).resolves.toMatchObject({ status: 'trusted' });
  });
});
