// Vault file paths as the user sees them. Paths come from the shell in the platform's own form
// (`C:\Users\…` or `/home/…`), so both separators are understood.

/** Splits a path into its folder and file name. */
export function splitPath(path: string): { folder: string; file: string } {
	const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
	if (cut < 0) return { folder: '', file: path };
	return { folder: path.slice(0, cut) || path.slice(0, 1), file: path.slice(cut + 1) };
}

/** A file name without extension from an organisation name: no characters any OS rejects. */
export function vaultBaseName(organisationName: string): string {
	const base = organisationName
		// Control characters are what some file systems reject: matching them is the point.
		// eslint-disable-next-line no-control-regex
		.replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^[.\s]+|[.\s]+$/g, '')
		.slice(0, 80)
		.trim();
	return base || 'ISMS vault';
}

/** The proposed vault file name for an organisation, e.g. `Acme Ltd.isms`. */
export function vaultFileName(organisationName: string): string {
	return `${vaultBaseName(organisationName)}.isms`;
}

/** Joins a folder and a file name with the folder's own separator. */
export function joinPath(folder: string, file: string): string {
	const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
	return folder.endsWith(sep) ? `${folder}${file}` : `${folder}${sep}${file}`;
}
