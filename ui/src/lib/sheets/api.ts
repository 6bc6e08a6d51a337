// Typed wrappers over the `sheets_*` commands (docs/ipc.md): the native open and save dialogs
// (which answer a file's handle: no command takes a path),
// the wizard's preview of a sheet under a proposed or chosen mapping, the import (or its dry
// run) with progress over a channel, the owners it names that nobody in the vault answers to,
// and a register written to XLSX. An import stops with
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

/** What cell values mean, per field: field → (value as the sheet writes it → meaning), such
 * as owner "Head of Sales" → "ann@example.com". */
export type SheetValues = Record<string, Record<string, string>>;

/** The sheet and the mapping chosen for it. */
export type SheetRequest = {
	/** The file's handle. */
	file: string;
	kind: SheetKind;
	sheet: string | null;
	headerRow: number;
	columns: SheetChoice[];
	values?: SheetValues;
};

const requestArgs = (request: SheetRequest) => ({
	file: request.file,
	kind: request.kind,
	sheet: request.sheet,
	header_row: request.headerRow,
	columns: request.columns,
	values: request.values ?? null
});

/** Imports (with `dryRun`, checks) the sheet under the chosen mapping, all or nothing. Rejects
 * with `Validation` naming every bad cell (`Risks!D7`; a form tool's rows as `row 3.email`),
 * or `Cancelled`; nothing is written. */
export const sheetsImport = (
	request: SheetRequest,
	dryRun: boolean,
	onProgress: (progress: ImportProgress) => void
) =>
	call('sheets_import', {
		...requestArgs(request),
		dry_run: dryRun,
		on_progress: channel(onProgress)
	});

/** The values of the sheet's rows that name nobody in the vault (owners), each once with the
 * cells that hold it, under the chosen mapping and values. */
export const sheetsUnresolved = (request: SheetRequest) =>
	call('sheets_unresolved', requestArgs(request));

/** The vault's people, for choosing who an owner the sheet names means. */
export const sheetsPeople = () => call('people_list');

/** Asks the running import to stop; it then rejects with `Cancelled` and writes nothing. */
export const sheetsCancel = () => call('sheets_cancel');

/** The native save dialog, with a suggested name in Documents; `null` when cancelled. */
export const sheetsChooseDestination = (kind: ExportSheetKind, asOf: string) =>
	call('sheets_choose_destination', { kind, as_of: asOf });

/** Writes the register to the destination chosen (`file`, its handle). Rejects with
 * `AlreadyExists` (never replaces a file) or `Validation` (not .xlsx, or an unknown handle). */
export const sheetsExport = (kind: ExportSheetKind, asOf: string, file: string) =>
	call('sheets_export', { kind, as_of: asOf, file });
