// Only the latest question's answer is used.
import { describe, expect, it } from 'vitest';
import { latest } from './latest';

describe('latest', () => {
	it('ignores an earlier answer that comes last', async () => {
		const seen: string[] = [];
		const { ask } = latest();
		let first!: (v: string) => void;
		ask(
			new Promise<string>((r) => (first = r)),
			(v) => seen.push(v),
			() => seen.push('failed')
		);
		ask(
			Promise.resolve('second'),
			(v) => seen.push(v),
			() => seen.push('failed')
		);
		await Promise.resolve();
		first('first');
		await new Promise((r) => setTimeout(r, 0));
		expect(seen).toEqual(['second']);
	});

	it('drops the question in flight', async () => {
		const seen: unknown[] = [];
		const l = latest();
		l.ask(
			Promise.reject(new Error('no')),
			() => seen.push('ok'),
			(e) => seen.push(e)
		);
		l.drop();
		await new Promise((r) => setTimeout(r, 0));
		expect(seen).toEqual([]);
	});
});
