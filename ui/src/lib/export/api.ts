// Typed wrappers over the `export_*` commands (docs/ipc.md): the native save dialog with a
// suggested name, writing a pack with its progress streamed over a channel, the request to stop,
// and showing the written file in the system's file manager.

import type { ExportProgress } from '$lib/bindings/ExportProgress';
import { call, channel } from '$lib/ipc';
import type { ExportRequest, Format, PackKind } from './export';

/** The native save dialog, with a suggested name in Documents; the chosen file's handle and
 * name, `null` when cancelled. */
export const exportChooseDestination = (pack: PackKind, format: Format, asOf: string) =>
	call('export_choose_destination', { pack, format, as_of: asOf });

/**
 * Writes the pack to the destination behind `request.file` (a `.pdf`, or a `.zip` bundle). Rejects with `AlreadyExists`
 * (never replaces a file), `Validation` (neither .pdf nor .zip) or `Cancelled`; a failed or
 * cancelled export leaves no file behind.
 */
export const exportRun = (request: ExportRequest, onProgress: (p: ExportProgress) => void) =>
	call('export_run', { ...request, on_progress: channel(onProgress) });

/** Asks the running export to stop at its next step; it then rejects with `Cancelled`. */
export const exportCancel = () => call('export_cancel');

/** Shows a written file (the `handle` of `ExportDone` or `SheetExported`) in the system's file
 * manager; `NotFound` if it has gone since. */
export const exportReveal = (file: string) => call('export_reveal', { file });
