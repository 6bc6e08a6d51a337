import { describe, expect, it } from 'vitest';
import { joinPath, splitPath, vaultFileName } from './paths';

describe('vault paths', () => {
	it('names the file after the organisation without characters file systems reject', () => {
		expect(vaultFileName('Acme: Widgets / Gadgets Ltd.')).toBe('Acme Widgets Gadgets Ltd.isms');
		expect(vaultFileName('  ..hidden  ')).toBe('hidden.isms');
		expect(vaultFileName('   ')).toBe('ISMS vault.isms');
	});

	it('joins with the folder’s own separator', () => {
		expect(joinPath('/home/ana/Documents/ISMS Desk', 'A.isms')).toBe(
			'/home/ana/Documents/ISMS Desk/A.isms'
		);
		expect(joinPath('C:\\Users\\ana\\Documents\\ISMS Desk', 'A.isms')).toBe(
			'C:\\Users\\ana\\Documents\\ISMS Desk\\A.isms'
		);
	});

	it('splits POSIX and Windows paths', () => {
		expect(splitPath('/home/ana/acme.isms')).toEqual({ folder: '/home/ana', file: 'acme.isms' });
		expect(splitPath('D:\\vaults\\acme.isms')).toEqual({ folder: 'D:\\vaults', file: 'acme.isms' });
		expect(splitPath('/acme.isms')).toEqual({ folder: '/', file: 'acme.isms' });
	});
});
