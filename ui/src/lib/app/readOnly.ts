// Whether the open vault is read-only (its file, folder or disk cannot be written), for every
// control that would change it. The app layout provides it; outside the app (the start and
// unlock screens) nothing is read-only. Buttons marked `writes` are disabled while it holds, so
// a read-only vault can be read and exported but offers no edit the core would refuse.
import { getContext, setContext } from 'svelte';

const KEY = Symbol('vault-read-only');

/** Provides the read-only state (a getter, so it follows the vault status) to descendants. */
export function provideReadOnly(readOnly: () => boolean): void {
	setContext(KEY, readOnly);
}

/** The read-only state provided above, or `false` where none is. */
export function readOnlyVault(): () => boolean {
	return getContext<(() => boolean) | undefined>(KEY) ?? (() => false);
}

/** What a disabled write control says when the vault is read-only. */
export const READ_ONLY_TITLE = 'This vault is read-only: it can be read and exported, not changed.';
