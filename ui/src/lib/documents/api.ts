// Typed wrappers over the `documents_*`, `evidence_*` and `reference_lists` commands the
// document register uses (docs/ipc.md).

import type { Document } from '$lib/bindings/Document';
import type { DraftVersion } from '$lib/bindings/DraftVersion';
import { call } from '$lib/ipc';

export const documentsList = () => call('documents_list');

/** The version each entry of the register shows on a day (the SoA's entry shows the SoA's
 * approvals), as the core decides it for the packs and the coverage too. */
export const documentsRegister = (asOf: string) => call('documents_register', { as_of: asOf });

export const documentsCreate = (document: Document) => call('documents_create', { document });

export const documentsUpdate = (document: Document) => call('documents_update', { document });

/** Rejects with `Referenced` when the document has an approved version; its message says so. */
export const documentsDelete = (id: number) => call('documents_delete', { id });

/** Edits the open draft, or starts one. */
export const documentsSaveDraft = (documentId: number, draft: DraftVersion) =>
	call('documents_save_draft', { document_id: documentId, draft });

/** Approves a version; it is frozen from then on. */
export const documentsApproveVersion = (
	versionId: number,
	approvedBy: number,
	approvedOn: string
) =>
	call('documents_approve_version', {
		version_id: versionId,
		approved_by: approvedBy,
		approved_on: approvedOn
	});

export const evidenceList = () => call('evidence_list');

/** The native open dialog, then the chosen files into the vault; `[]` when cancelled. */
export const evidenceChooseAndAdd = (links: string[], effectiveDate: string | null) =>
	call('evidence_choose_and_add', {
		links,
		effective_date: effectiveDate,
		description: ''
	});

/** Files dropped on the window (the handles of the `files-dropped` event), into the vault. */
export const evidenceAddFiles = (files: string[], links: string[], effectiveDate: string | null) =>
	call('evidence_add_files', {
		files,
		links,
		effective_date: effectiveDate,
		description: ''
	});

/** The native save dialog, then the stored file written there; `null` when cancelled. */
export const evidenceSaveAs = (id: number) => call('evidence_save_as', { id });
/**
 * Opens the stored file in its usual application; `save_a_copy` when its type can run code and
 * the shell would not hand it over (the page offers to save a copy instead).
 */
export const evidenceOpen = (id: number) => call('evidence_open', { id });

export const referenceLists = () => call('reference_lists');

export const ownersList = () => call('people_list');
