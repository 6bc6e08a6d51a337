// A stand-in for `$lib/ipc/seal` in component tests, which mock the IPC: it "seals" a text as
// a readable marker, so a test can say which passphrase a command was given. The real sealing
// is tested in ipc/seal.test.ts against WebCrypto.
import type { Sealed } from '$lib/bindings/Sealed';

/** What the stand-in makes of `text`: expect this in the command's arguments. */
export const sealed = (text: string): Sealed => ({ key: 'test', nonce: 'test', sealed: text });

export async function seal<T extends string[]>(...texts: T): Promise<{ [K in keyof T]: Sealed }> {
	return texts.map(sealed) as { [K in keyof T]: Sealed };
}
