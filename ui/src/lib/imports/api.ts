// Typed wrappers over the `imports_*` commands (docs/ipc.md): the native open dialog, an
// import (or its dry run) with its progress streamed over a channel, and the request to stop.

import type { ImportProgress } from '$lib/bindings/ImportProgress';
import { call, channel } from '$lib/ipc';
import type { ImportKind } from './import';

/** The native open dialog for a CSV file; `null` when cancelled. */
export const importsChooseFile = () => call('imports_choose_file');

/**
 * Imports `kind` from the CSV behind handle `file` (with `dryRun`, only checks and previews it), all or
 * nothing. Rejects with `Validation` naming each bad row (`row 3.email`), or `Cancelled`.
 */
export const importsRun = (
	kind: ImportKind,
	file: string,
	dryRun: boolean,
	onProgress: (progress: ImportProgress) => void
) =>
	call('imports_run', {
		kind,
		file,
		dry_run: dryRun,
		on_progress: channel(onProgress)
	});

/** Asks the running import to stop; it then rejects with `Cancelled` and writes nothing. */
export const importsCancel = () => call('imports_cancel');
