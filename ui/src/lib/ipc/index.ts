// The only module that talks to the Rust shell. `call()` wraps `invoke()`, typed by the command
// map generated from the shell's command declaration (`commands.ts`: a misspelled name, a
// missing or mistyped argument fails the type check), and rejects with an `IpcError`;
// `subscribe()` wraps `listen()`; `channel()` makes the channel a long command streams its
// progress over. Domain wrappers live in `lib/<domain>/api.ts` and go through these functions,
// so no other file imports `@tauri-apps/api`.

import { Channel, invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { DataChangedEvent } from '$lib/bindings/DataChangedEvent';
import type { FilesDroppedEvent } from '$lib/bindings/FilesDroppedEvent';
import type { VaultLockedEvent } from '$lib/bindings/VaultLockedEvent';
import type { Args, CommandName, Result } from './commands';
import { toIpcError } from './error';

export type { Args, CommandName, Commands, Result } from './commands';

export { IpcError, fieldErrors, placeError, toIpcError } from './error';

/** The arguments `call` takes after a command's name: none for a command without any. */
type ArgsOf<K extends CommandName> =
	Args<K> extends Record<string, never> ? [args?: Args<K>] : [args: Args<K>];

/** Invokes the shell command `name` with its arguments (snake_case keys, as the command map
 * has them); resolves with its result or rejects with an `IpcError`. */
export async function call<K extends CommandName>(name: K, ...args: ArgsOf<K>): Promise<Result<K>> {
	try {
		return await invoke<Result<K>>(name, args[0] as InvokeArgs | undefined);
	} catch (reason) {
		throw toIpcError(reason);
	}
}

/** A channel for a command's stream of messages (an import's progress): pass it in `call`'s
 * arguments; `onmessage` receives each message in order. */
export function channel<T>(onmessage: (message: T) => void): Channel<T> {
	return new Channel<T>(onmessage);
}

export type { Channel };

/** Payloads of the events the shell emits, by event name (docs/ipc.md, Events). */
export type ShellEvents = {
	'vault-locked': VaultLockedEvent;
	'data-changed': DataChangedEvent;
	'files-dropped': FilesDroppedEvent;
};

/** Subscribes to a shell event; resolves with the function that unsubscribes. */
export async function subscribe<E extends keyof ShellEvents>(
	event: E,
	handler: (payload: ShellEvents[E]) => void
): Promise<() => void> {
	try {
		return await listen<ShellEvents[E]>(event, (e) => handler(e.payload));
	} catch (reason) {
		throw toIpcError(reason);
	}
}
