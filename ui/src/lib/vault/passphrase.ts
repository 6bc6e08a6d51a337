// The passphrase rules the UI checks before sending anything; the shell checks them again
// (`WeakPassphrase`). Length counts characters, not bytes, so "é" counts once.

export const MIN_PASSPHRASE_LENGTH = 12;

export function passphraseLength(passphrase: string): number {
	return [...passphrase].length;
}

/** The live hint under a new-passphrase field. */
export function passphraseHint(passphrase: string): string {
	const missing = MIN_PASSPHRASE_LENGTH - passphraseLength(passphrase);
	if (passphrase === '')
		return `At least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words are easy to type and hard to guess.`;
	if (missing > 0)
		return `${missing} more character${missing === 1 ? '' : 's'} needed (at least ${MIN_PASSPHRASE_LENGTH}).`;
	return 'Long enough.';
}

/** The error for a new passphrase, or null when it may be sent. */
export function passphraseError(passphrase: string): string | null {
	if (passphrase === '') return 'Enter a passphrase.';
	if (passphraseLength(passphrase) < MIN_PASSPHRASE_LENGTH)
		return `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`;
	return null;
}

/** The error for the confirmation field, or null when it matches. */
export function confirmError(passphrase: string, confirmation: string): string | null {
	if (confirmation === '') return 'Type the passphrase again.';
	return confirmation === passphrase ? null : 'The two passphrases do not match.';
}
