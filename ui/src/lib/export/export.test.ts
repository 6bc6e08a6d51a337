import { describe, expect, it } from 'vitest';
import {
	exportRequest,
	fileName,
	folderOf,
	isFullPath,
	phaseIndex,
	progressLabel,
	progressPercent,
	withExtension
} from './export';

describe('exportRequest', () => {
	it('carries a stage for the gap report only', () => {
		expect(exportRequest('gaps', 2, '2026-06-15', '/t/g.pdf')).toEqual({
			pack: 'gaps',
			stage: 2,
			as_of: '2026-06-15',
			file: '/t/g.pdf'
		});
		for (const pack of ['stage1', 'stage2', 'soa', 'cap'] as const)
			expect(exportRequest(pack, 2, '2026-06-15', '/t/x.pdf').stage).toBeNull();
	});
});

describe('withExtension', () => {
	it('keeps, swaps or adds the extension of the format', () => {
		expect(withExtension('/t/pack.pdf', 'pdf')).toBe('/t/pack.pdf');
		expect(withExtension('/t/pack.PDF', 'pdf')).toBe('/t/pack.PDF');
		expect(withExtension('/t/pack.pdf', 'zip')).toBe('/t/pack.zip');
		expect(withExtension(' /t/pack ', 'zip')).toBe('/t/pack.zip');
		expect(withExtension('/t/v1.2 pack', 'pdf')).toBe('/t/v1.2 pack.pdf');
		expect(withExtension('  ', 'pdf')).toBe('');
	});
});

describe('paths', () => {
	it('tells a full path from a bare name', () => {
		expect(isFullPath('/home/me/pack.pdf')).toBe(true);
		expect(isFullPath('C:\\Users\\me\\pack.pdf')).toBe(true);
		expect(isFullPath('pack.pdf')).toBe(false);
		expect(isFullPath('~/pack.pdf')).toBe(false);
	});

	it('splits the file name from its folder', () => {
		expect(fileName('/home/me/Documents/pack.zip')).toBe('pack.zip');
		expect(fileName('C:\\Users\\me\\pack.pdf')).toBe('pack.pdf');
		expect(folderOf('/home/me/Documents/pack.zip')).toBe('/home/me/Documents');
		expect(folderOf('/pack.zip')).toBe('/');
	});
});

describe('progress', () => {
	it('names the phase, with a percentage only while bundle bytes are written', () => {
		expect(progressLabel(null)).toBe('Reading the vault');
		expect(progressLabel({ phase: 'building', done: 0, total: 0 })).toBe('Reading the vault');
		expect(progressLabel({ phase: 'rendering', done: 0, total: 0 })).toBe('Laying out pages');
		expect(progressLabel({ phase: 'writing', done: 0, total: 0 })).toBe('Writing the file');
		expect(progressLabel({ phase: 'writing', done: 420, total: 1000 })).toBe(
			'Writing the file — 42 %'
		);
		expect(progressPercent({ phase: 'rendering', done: 5, total: 10 })).toBeNull();
		expect(phaseIndex({ phase: 'writing', done: 0, total: 0 })).toBe(2);
	});
});
