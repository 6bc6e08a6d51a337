// Typed wrappers over the `evidence_*` commands a record uses to attach its files: the vault's
// evidence list, a file chosen in the native dialog, files dropped on the window, and a link
// taken off a file (a report detached from its audit).

import { call } from '$lib/ipc';

export const evidenceList = () => call('evidence_list');

/** The native open dialog, then the chosen file into the vault; `[]` when cancelled. */
export const evidenceChooseAndAdd = (links: string[], effectiveDate: string | null) =>
	call('evidence_choose_and_add', { links, effective_date: effectiveDate, description: '' });

/** Files dropped on the window (the handles of the `files-dropped` event), into the vault. */
export const evidenceAddFiles = (files: string[], links: string[], effectiveDate: string | null) =>
	call('evidence_add_files', { files, links, effective_date: effectiveDate, description: '' });

/** Takes `link` (a record's reference) off the file's links; the file stays in the vault. */
export const evidenceUnlink = (id: number, link: string) => call('evidence_unlink', { id, link });
