import { describe, expect, it } from 'vitest';
import type { SheetPreview } from '$lib/bindings/SheetPreview';
import {
	assign,
	cellError,
	choicesOf,
	headerOf,
	problemOf,
	REGISTER_TITLES,
	SHEET_KINDS
} from './sheets';

const PREVIEW: SheetPreview = {
	format: 'csv',
	sheet: 'staff',
	sheets: ['staff'],
	detected: 'UTF-8, semicolon-separated',
	header_row: 3,
	sheet_rows: 5,
	columns: [
		{ index: 0, letter: 'A', header: 'Full name', field: 'name' },
		{ index: 1, letter: 'B', header: 'E-mail', field: 'email' },
		{ index: 2, letter: 'C', header: 'Role', field: null }
	],
	fields: [],
	missing: [],
	data_rows: 2,
	rows: []
};

describe('the registers the wizard offers', () => {
	it('imports every register it exports, the audit programme among them', () => {
		expect(Object.keys(SHEET_KINDS).sort()).toEqual(Object.keys(REGISTER_TITLES).sort());
		expect(SHEET_KINDS.audits).toEqual({
			title: 'internal audit programme',
			noun: 'audit',
			matched: 'by reference (IA-001) or title'
		});
	});
});

describe('the wizard’s choice of columns', () => {
	it('starts from every column of the preview, mapped or not', () => {
		expect(choicesOf(PREVIEW)).toEqual([
			{ index: 0, field: 'name' },
			{ index: 1, field: 'email' },
			{ index: 2, field: null }
		]);
	});

	it('gives a field to one column only, taking it from the column that had it', () => {
		const moved = assign(choicesOf(PREVIEW), 2, 'email');
		expect(moved.find((c) => c.index === 2)?.field).toBe('email');
		expect(moved.find((c) => c.index === 1)?.field, 'B lost e-mail to C').toBeNull();
		expect(moved.find((c) => c.index === 0)?.field, 'A is untouched').toBe('name');
	});

	it('leaves a column out when its field is cleared', () => {
		const cleared = assign(choicesOf(PREVIEW), 0, null);
		expect(cleared.map((c) => c.field)).toEqual([null, 'email', null]);
	});
});

describe('where an import error points', () => {
	it('reads sheet, row and column from a cell address and drops it from the message', () => {
		expect(cellError('staff!B5', 'staff!B5: “x” is not an e-mail address.')).toEqual({
			sheet: 'staff',
			row: 5,
			column: 'B',
			message: '“x” is not an e-mail address.'
		});
	});

	it('reads a whole row, and keeps file-wide problems as they are', () => {
		expect(cellError('Risk register!7', 'Risk register!7: no title')).toMatchObject({
			sheet: 'Risk register',
			row: 7,
			column: null,
			message: 'no title'
		});
		expect(cellError('mapping', 'No column is mapped to Name.')).toEqual({
			sheet: null,
			row: null,
			column: null,
			message: 'No column is mapped to Name.'
		});
	});

	it('reads a quoted sheet name and drops the header the message repeats', () => {
		expect(
			cellError("'staff list'!B5", "'staff list'!B5 (E-mail): An e-mail address is required.")
		).toEqual({
			sheet: 'staff list',
			row: 5,
			column: 'B',
			message: 'An e-mail address is required.'
		});
	});

	it('names the column by its header from the preview', () => {
		expect(headerOf(PREVIEW, 'B')).toBe('E-mail');
		expect(headerOf(PREVIEW, 'Z')).toBeNull();
		expect(headerOf(null, 'B')).toBeNull();
	});

	it('gives the problems panel the row, the column with its header, and the message', () => {
		expect(
			problemOf({ field: 'staff!B5', message: 'staff!B5: “x” is not an e-mail address.' }, PREVIEW)
		).toEqual({ row: 5, column: 'B · E-mail', message: '“x” is not an e-mail address.' });
		expect(problemOf({ field: 'staff!Z5', message: 'too long' }, PREVIEW)).toEqual({
			row: 5,
			column: 'Z',
			message: 'too long'
		});
		expect(problemOf({ field: 'mapping', message: 'No column is mapped to Name.' }, null)).toEqual({
			row: null,
			column: null,
			message: 'No column is mapped to Name.'
		});
	});
});
