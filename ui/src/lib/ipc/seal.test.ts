// @vitest-environment node
// The real sealing, against WebCrypto playing the shell's part: the shell's one-time key pair is
// made here, `vault_sealing_key` answers with its public half, and what `seal` returns must
// open with the private half exactly as src-tauri/src/seal.rs opens it (ECDH, SHA-256, AES-GCM
// with the shared context), and with nothing else.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Sealed } from '$lib/bindings/Sealed';
import { seal } from './seal';

const invokeMock = vi.mocked(invoke);
const subtle = globalThis.crypto.subtle;
const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const fromHex = (text: string) =>
	Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));

async function shellKeys() {
	const pair = await subtle.generateKey(CURVE, true, ['deriveBits']);
	const raw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
	invokeMock.mockImplementation(async (command: string) => {
		if (command !== 'vault_sealing_key') throw new Error(`unexpected ${command}`);
		return Array.from(raw, (b) => b.toString(16).padStart(2, '0')).join('');
	});
	return pair;
}

async function open(privateKey: CryptoKey, value: Sealed, context = 'ISMS Desk passphrase v1') {
	const page = await subtle.importKey('raw', fromHex(value.key), CURVE, false, []);
	const shared = await subtle.deriveBits({ name: 'ECDH', public: page }, privateKey, 256);
	const key = await subtle.importKey(
		'raw',
		await subtle.digest('SHA-256', shared),
		'AES-GCM',
		false,
		['decrypt']
	);
	const plain = await subtle.decrypt(
		{
			name: 'AES-GCM',
			iv: fromHex(value.nonce),
			additionalData: new TextEncoder().encode(context)
		},
		key,
		fromHex(value.sealed)
	);
	return new TextDecoder().decode(plain);
}

describe('seal', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('seals each text so the shell’s one-time key opens it, asking for one key per call', async () => {
		const shell = await shellKeys();
		const [current, next] = await seal('the current passphrase', 'a new one with ü and 🔑');
		expect(invokeMock).toHaveBeenCalledTimes(1);
		expect(await open(shell.privateKey, current)).toBe('the current passphrase');
		expect(await open(shell.privateKey, next)).toBe('a new one with ü and 🔑');
		expect(current.nonce).not.toBe(next.nonce);
		expect(current.nonce).toHaveLength(24);
	});

	it('never carries the text in the clear', async () => {
		await shellKeys();
		const text = 'plain text must not show';
		const [value] = await seal(text);
		const hexOfText = Array.from(new TextEncoder().encode(text), (b) =>
			b.toString(16).padStart(2, '0')
		).join('');
		expect(JSON.stringify(value)).not.toContain(text);
		expect(value.sealed).not.toContain(hexOfText.slice(0, 16));
	});

	it('does not open with another key or another context', async () => {
		await shellKeys();
		const [value] = await seal('for the shell only');
		const stranger = await subtle.generateKey(CURVE, false, ['deriveBits']);
		await expect(open(stranger.privateKey, value)).rejects.toThrow();
		const shell = await shellKeys();
		const [again] = await seal('bound to its purpose');
		await expect(open(shell.privateKey, again, 'another purpose')).rejects.toThrow();
	});

	it('fails when the shell gives no key', async () => {
		invokeMock.mockRejectedValue({ code: 'Internal', message: 'no key', fields: [] });
		await expect(seal('x')).rejects.toMatchObject({ code: 'Internal' });
	});
});
