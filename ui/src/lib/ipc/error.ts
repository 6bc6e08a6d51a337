// The one error type the UI sees from the shell. Every rejection of `invoke()` (and every
// failure to subscribe to an event) becomes an `IpcError` with a `code` from the contract, so
// screens branch on `code` and never on message text. Shapes we do not recognise (a plain
// string from Tauri itself, a missing command, `undefined`) become code `Internal`.

import type { ErrorCode } from '$lib/bindings/ErrorCode';
import type { FieldError } from '$lib/bindings/FieldError';
import type { IpcError as IpcErrorData } from '$lib/bindings/IpcError';

// Every code of the contract: a code added to the Rust enum fails type checking here.
const KNOWN: Record<ErrorCode, true> = {
	NotFound: true,
	AlreadyExists: true,
	WeakPassphrase: true,
	WrongPassphraseOrDamaged: true,
	NotAVault: true,
	FromNewerVersion: true,
	InUse: true,
	HardLinked: true,
	ReadOnly: true,
	Locked: true,
	Referenced: true,
	Validation: true,
	NotFresh: true,
	BadSnapshot: true,
	Cancelled: true,
	Io: true,
	Database: true,
	Internal: true
};
const CODES: ReadonlySet<string> = new Set(Object.keys(KNOWN));

export class IpcError extends Error implements IpcErrorData {
	readonly code: ErrorCode;
	readonly fields: FieldError[];

	constructor(code: ErrorCode, message: string, fields: FieldError[] = []) {
		super(message);
		this.name = 'IpcError';
		this.code = code;
		this.fields = fields;
	}

	/** The message for one field, if the backend named it. */
	field(name: string): string | undefined {
		return this.fields.find((f) => f.field === name)?.message;
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function toFields(value: unknown): FieldError[] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((item: unknown) =>
		isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string'
			? [{ field: item.field, message: item.message }]
			: []
	);
}

function fromObject(value: Record<string, unknown>): IpcError | null {
	if (typeof value.code !== 'string' || !CODES.has(value.code)) return null;
	const message = typeof value.message === 'string' ? value.message : value.code;
	return new IpcError(value.code as ErrorCode, message, toFields(value.fields));
}

/** Turns anything a rejected `invoke()` can produce into an `IpcError`. */
export function toIpcError(reason: unknown): IpcError {
	if (reason instanceof IpcError) return reason;
	if (isRecord(reason)) {
		const known = fromObject(reason);
		if (known) return known;
		if (reason instanceof Error) return new IpcError('Internal', reason.message);
		if (typeof reason.message === 'string') return new IpcError('Internal', reason.message);
		return new IpcError('Internal', 'Unexpected error from the application.');
	}
	if (typeof reason === 'string') {
		const text = reason.trim();
		if (text.startsWith('{')) {
			try {
				const parsed: unknown = JSON.parse(text);
				if (isRecord(parsed)) {
					const known = fromObject(parsed);
					if (known) return known;
				}
			} catch {
				// Not JSON after all: fall through and keep the text as the message.
			}
		}
		return new IpcError('Internal', text || 'Unexpected error from the application.');
	}
	return new IpcError('Internal', 'Unexpected error from the application.');
}

/** Field errors of a `Validation` (or any) error as `{ field: message }`; first message wins. */
export function fieldErrors(error: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (!(error instanceof IpcError)) return out;
	for (const { field, message } of error.fields) {
		if (!(field in out)) out[field] = message;
	}
	return out;
}

/** Where an error lands on a form: messages by field, or one message for a banner. */
export type PlacedError = { fields: Record<string, string>; failure: string | null };

/**
 * Places an error on a form. `onField` maps codes to the field they belong to (and optionally a
 * message of the form's own); `Validation` errors land on the fields they name; anything else
 * becomes the banner's message.
 */
export function placeError(
	reason: unknown,
	onField: Partial<Record<ErrorCode, { field: string; message?: string }>> = {}
): PlacedError {
	const error = toIpcError(reason);
	const target = onField[error.code];
	if (target) return { fields: { [target.field]: target.message ?? error.message }, failure: null };
	if (error.code === 'Validation' && error.fields.length > 0) {
		return { fields: fieldErrors(error), failure: null };
	}
	return { fields: {}, failure: error.message };
}
