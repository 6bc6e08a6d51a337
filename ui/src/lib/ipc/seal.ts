// Seals passphrases for the shell, so they never cross to it as plain text (the shell's side
// and the reasons are in src-tauri/src/seal.rs). Each call asks the shell for a one-time P-256
// public key, makes a key pair of its own, agrees a secret with ECDH, hashes it with SHA-256
// into an AES-256-GCM key and seals each text with a fresh nonce. Nothing is kept.

import type { Sealed } from '$lib/bindings/Sealed';
import { call } from './index';

/** Binds a sealed value to its purpose; the same bytes as the shell's `seal::CONTEXT`. */
const CONTEXT = new TextEncoder().encode('ISMS Desk passphrase v1');
const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;

const hex = (bytes: ArrayBuffer | Uint8Array) =>
	Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

const fromHex = (text: string) =>
	Uint8Array.from(text.match(/[0-9a-f]{2}/gi) ?? [], (pair) => parseInt(pair, 16));

/** Seals `texts` for the next command; the shell opens them all with one key, once. */
export async function seal<T extends string[]>(...texts: T): Promise<{ [K in keyof T]: Sealed }> {
	const subtle = globalThis.crypto.subtle;
	const shell = await subtle.importKey(
		'raw',
		fromHex(await call('vault_sealing_key')),
		CURVE,
		false,
		[]
	);
	const ours = await subtle.generateKey(CURVE, false, ['deriveBits']);
	const shared = await subtle.deriveBits({ name: 'ECDH', public: shell }, ours.privateKey, 256);
	const key = await subtle.importKey(
		'raw',
		await subtle.digest('SHA-256', shared),
		'AES-GCM',
		false,
		['encrypt']
	);
	const ourPublic = hex(await subtle.exportKey('raw', ours.publicKey));
	const values = await Promise.all(
		texts.map(async (text): Promise<Sealed> => {
			const nonce = globalThis.crypto.getRandomValues(new Uint8Array(12));
			// The bytes of the text are zeroed once sealed. (The string itself cannot be wiped
			// from JavaScript: on Lock the shell ends the page's process instead, page.rs.)
			const plain = new TextEncoder().encode(text);
			try {
				const sealed = await subtle.encrypt(
					{ name: 'AES-GCM', iv: nonce, additionalData: CONTEXT },
					key,
					plain
				);
				return { key: ourPublic, nonce: hex(nonce), sealed: hex(sealed) };
			} finally {
				plain.fill(0);
			}
		})
	);
	// One value per text, in order: the tuple type lets callers destructure without checks.
	return values as { [K in keyof T]: Sealed };
}
