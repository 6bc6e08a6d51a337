import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import { IpcError, call, fieldErrors, placeError, toIpcError } from '$lib/ipc';

const invokeMock = vi.mocked(invoke);

async function rejectionOf(reason: unknown): Promise<IpcError> {
	invokeMock.mockRejectedValueOnce(reason);
	try {
		await call('vault_status');
	} catch (e) {
		return e as IpcError;
	}
	throw new Error('call() resolved although invoke() rejected');
}

describe('call()', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('passes the command and snake_case args through and resolves with the result', async () => {
		invokeMock.mockResolvedValueOnce({
			unlocked: true,
			path: '/v.isms',
			organisation_name: 'Acme'
		});
		// Not the command's real arguments (cast past the command map): call() passes any through.
		const args = { path: '/v.isms', passphrase: 'p' } as never;
		const result = await call('vault_unlock', args);
		expect(invokeMock).toHaveBeenCalledWith('vault_unlock', { path: '/v.isms', passphrase: 'p' });
		expect(result).toEqual({ unlocked: true, path: '/v.isms', organisation_name: 'Acme' });
	});

	it('keeps code, message and fields of a full IpcError object', async () => {
		const error = await rejectionOf({
			code: 'Validation',
			message: '2 fields need attention.',
			fields: [
				{ field: 'name', message: 'Enter a name.' },
				{ field: 'stage2_target', message: 'After Stage 1.' }
			]
		});
		expect(error).toBeInstanceOf(IpcError);
		expect(error.code).toBe('Validation');
		expect(error.message).toBe('2 fields need attention.');
		expect(error.fields).toEqual([
			{ field: 'name', message: 'Enter a name.' },
			{ field: 'stage2_target', message: 'After Stage 1.' }
		]);
		expect(error.field('stage2_target')).toBe('After Stage 1.');
	});

	it('parses an IpcError sent as a JSON string', async () => {
		const error = await rejectionOf(
			JSON.stringify({
				code: 'WrongPassphraseOrDamaged',
				message: 'Wrong passphrase, or damaged.',
				fields: []
			})
		);
		expect(error.code).toBe('WrongPassphraseOrDamaged');
		expect(error.message).toBe('Wrong passphrase, or damaged.');
		expect(error.fields).toEqual([]);
	});

	it('turns a plain string into Internal with the string as message', async () => {
		const error = await rejectionOf('command vault_frobnicate not found');
		expect(error.code).toBe('Internal');
		expect(error.message).toBe('command vault_frobnicate not found');
		expect(error.fields).toEqual([]);
	});

	it('turns undefined into Internal with a readable message', async () => {
		const error = await rejectionOf(undefined);
		expect(error).toBeInstanceOf(IpcError);
		expect(error.code).toBe('Internal');
		expect(error.message).not.toBe('');
	});
});

describe('toIpcError()', () => {
	it('does not trust an unknown code', () => {
		const error = toIpcError({ code: 'Exploded', message: 'boom', fields: [] });
		expect(error.code).toBe('Internal');
		expect(error.message).toBe('boom');
	});

	it('drops malformed field entries and defaults missing fields to []', () => {
		expect(toIpcError({ code: 'NotFound', message: 'gone' }).fields).toEqual([]);
		const error = toIpcError({
			code: 'Validation',
			message: 'bad',
			fields: [{ field: 'name' }, 'oops', { field: 'scope', message: 'Too long.' }]
		});
		expect(error.fields).toEqual([{ field: 'scope', message: 'Too long.' }]);
	});

	it('keeps the message of a thrown Error (e.g. no Tauri runtime)', () => {
		const error = toIpcError(
			new TypeError("Cannot read properties of undefined (reading 'invoke')")
		);
		expect(error.code).toBe('Internal');
		expect(error.message).toContain('invoke');
	});

	it('keeps a non-JSON string that starts with a brace as text', () => {
		expect(toIpcError('{not json').message).toBe('{not json');
	});
});

describe('fieldErrors()', () => {
	it('maps fields to a record, first message per field wins', () => {
		const error = new IpcError('Validation', 'bad', [
			{ field: 'name', message: 'Enter a name.' },
			{ field: 'audit_months', message: 'From 1 to 12.' },
			{ field: 'name', message: 'Second message.' }
		]);
		expect(fieldErrors(error)).toEqual({ name: 'Enter a name.', audit_months: 'From 1 to 12.' });
	});

	it('is empty for anything that is not an IpcError', () => {
		expect(fieldErrors(new Error('x'))).toEqual({});
		expect(fieldErrors({ fields: [{ field: 'name', message: 'm' }] })).toEqual({});
	});
});

describe('placeError', () => {
	it('puts a mapped code on its field, with the form’s own message when given', () => {
		const err = { code: 'AlreadyExists', message: 'exists', fields: [] };
		expect(placeError(err, { AlreadyExists: { field: 'path', message: 'Taken.' } })).toEqual({
			fields: { path: 'Taken.' },
			failure: null
		});
		expect(placeError(err, { AlreadyExists: { field: 'path' } }).fields).toEqual({
			path: 'exists'
		});
	});

	it('puts Validation errors on the fields they name and the rest in the banner', () => {
		const invalid = {
			code: 'Validation',
			message: 'x',
			fields: [{ field: 'name', message: 'Required.' }]
		};
		expect(placeError(invalid)).toEqual({ fields: { name: 'Required.' }, failure: null });
		expect(placeError({ code: 'Io', message: 'Disk full.', fields: [] })).toEqual({
			fields: {},
			failure: 'Disk full.'
		});
	});
});
