// Typed wrappers over the `sheets_*` commands (docs/ipc.md): the native open and save dialogs
// (which answer a file's handle: no command takes a path),
// the wizard's preview of a sheet under a proposed or chosen mapping, the import (or its dry
// run) with progress over a channel, and a register written to XLSX. An import stops with
// `sheets_cancel`.

import type { ImportProgress } from '$lib/bindings/ImportProgress';
import type { SheetChoice } from '$lib/bindings/SheetChoice';
import { call, channel } from '$lib/ipc';
import type { ExportSheetKind, SheetKind } from './sheets';

/** The native open dialog for an XLSX or CSV file; `null` when cancelled. */
export const sheetsChooseFile = () => call('sheets_choose_file');

/** What the sheet holds. Without `headerRow`, the header row is found and fields proposed;
 * with it alone, fields are proposed from that row; with `columns` too, that choice is shown.
 * Rejects with `Validation` (field `file`) for a file that cannot be read, or `NotFound`. */
export const sheetsPreview = (
	file: string,
	kind: SheetKind,
	sheet: string | null,
	headerRow: number | null = null,
	columns: SheetChoice[] | null = null
) =>
	call('sheets_preview', {
		file,
		kind,
		sheet,
		header_row: headerRow,
		columns
	});

/** Imports (with `dryRun`, checks) the sheet under the chosen mapping, all or nothing. Rejects
 * with `Validation` naming every bad cell (`Risks!D7`; a form tool's rows as `row 3.email`),
 * or `Cancelled`; nothing is written. */
export const sheetsImport = (
	request: {
		/** The file's handle. */
		file: string;
		kind: SheetKind;
		sheet: string | null;
		headerRow: number;
		columns: SheetChoice[];
	},
	dryRun: boolean,
	onProgress: (progress: ImportProgress) => void
) =>
	call('sheets_import', {
		file: request.file,
		kind: request.kind,
		sheet: request.sheet,
		header_row: request.headerRow,
		columns: request.columns,
		dry_run: dryRun,
		on_progress: channel(onProgress)
	});

/** Asks the running import to stop; it then rejects with `Cancelled` and writes nothing. */
export const sheetsCancel = () => call('sheets_cancel');

/** The native save dialog, with a suggested name in Documents; `null` when cancelled. */
export const sheetsChooseDestination = (kind: ExportSheetKind, asOf: string) =>
	call('sheets_choose_destination', { kind, as_of: asOf });

/** Writes the register to the destination chosen (`file`, its handle). Rejects with
 * `AlreadyExists` (never replaces a file) or `Validation` (not .xlsx, or an unknown handle). */
export const sheetsExport = (kind: ExportSheetKind, asOf: string, file: string) =>
	call('sheets_export', { kind, as_of: asOf, file });
