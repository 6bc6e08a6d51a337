// What the export screen needs beyond the commands: the packs with what each holds, the request
// a choice makes (a stage only for the gap report), the destination's extension following the
// format, and progress in words.

import type { ExportProgress } from '$lib/bindings/ExportProgress';

export type PackKind = 'stage1' | 'stage2' | 'soa' | 'cap' | 'gaps';
export type Format = 'pdf' | 'zip';
export type Stage = 1 | 2;

export type ExportRequest = {
	pack: PackKind;
	stage: Stage | null;
	as_of: string;
	/** The handle of the destination chosen in the save dialog. */
	file: string;
};

export type PackInfo = {
	value: PackKind;
	label: string;
	description: string;
	/** The stage whose readiness the pack reports, if any (the gap report's is chosen). */
	stage: Stage | 'chosen' | null;
};

export const PACKS: ReadonlyArray<PackInfo> = [
	{
		value: 'stage1',
		label: 'Stage 1 evidence pack',
		description: 'The documentation for the desktop review.',
		stage: 1
	},
	{
		value: 'stage2',
		label: 'Stage 2 evidence pack',
		description: 'Everything in Stage 1, plus the ISMS in operation.',
		stage: 2
	},
	{
		value: 'soa',
		label: 'Statement of Applicability',
		description: 'All 93 Annex A controls, with the approved version on the cover.',
		stage: null
	},
	{
		value: 'cap',
		label: 'Corrective action plan',
		description: 'Every open nonconformity, for the certification body.',
		stage: null
	},
	{
		value: 'gaps',
		label: 'Readiness gap report',
		description: 'Each rule that fails or warns, the records at fault and how to fix them.',
		stage: 'chosen'
	}
];

export const packInfo = (pack: PackKind): PackInfo =>
	PACKS.find((p) => p.value === pack) ?? PACKS[0]!;

/** The `export_run` arguments (without the channel): only the gap report carries a stage. */
export function exportRequest(
	pack: PackKind,
	stage: Stage,
	asOf: string,
	file: string
): ExportRequest {
	return { pack, stage: pack === 'gaps' ? stage : null, as_of: asOf, file };
}

const EXTENSION = /\.(pdf|zip)$/i;

/**
 * The path with the format's extension: kept when it has it, swapped from the other format's,
 * added when it has none (as the save dialog does). Empty stays empty.
 */
export function withExtension(path: string, format: Format): string {
	const trimmed = path.trim();
	if (trimmed === '') return '';
	const match = EXTENSION.exec(trimmed);
	if (match && match[1]?.toLowerCase() === format) return trimmed;
	const stem = match ? trimmed.slice(0, match.index) : trimmed;
	return `${stem}.${format}`;
}

/** A full path on any system: "/…", "C:\…" or "\\server\…". */
export const isFullPath = (path: string) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path.trim());

/** The last part of a path, whatever its separators. */
export const fileName = (path: string) => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

/** The folder part of a path ("" when there is none). */
export function folderOf(path: string): string {
	const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
	return cut <= 0 ? path.slice(0, cut + 1) : path.slice(0, cut);
}

export const PHASES = [
	{ phase: 'building', label: 'Reading the vault' },
	{ phase: 'rendering', label: 'Laying out pages' },
	{ phase: 'writing', label: 'Writing the file' }
] as const;

/** Where the phase stands among the three (0 before any message). */
export function phaseIndex(progress: ExportProgress | null): number {
	if (progress === null) return 0;
	const index = PHASES.findIndex((p) => p.phase === progress.phase);
	return index < 0 ? 0 : index;
}

/** 0 to 100 while a bundle's bytes are written; null while that is not known. */
export function progressPercent(progress: ExportProgress | null): number | null {
	if (progress === null || progress.phase !== 'writing' || progress.total <= 0) return null;
	return Math.min(100, Math.floor((progress.done / progress.total) * 100));
}

/** "Reading the vault", "Laying out pages", "Writing the file", "Writing the file — 42 %". */
export function progressLabel(progress: ExportProgress | null): string {
	const label = PHASES[phaseIndex(progress)]?.label ?? PHASES[0].label;
	const percent = progressPercent(progress);
	return percent === null ? label : `${label} — ${percent} %`;
}
