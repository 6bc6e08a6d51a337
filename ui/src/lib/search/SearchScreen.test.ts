import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { QueryClient } from '@tanstack/svelte-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('$app/navigation', () => ({ goto: vi.fn() }));
vi.mock('$app/state', () => ({ page: { url: new URL('http://localhost/search?q=laptop') } }));

import { invoke } from '@tauri-apps/api/core';
import { goto } from '$app/navigation';
import type { SearchResults } from '$lib/bindings/SearchResults';
import WithQueryClient from '$lib/testing/WithQueryClient.svelte';
import SearchScreen from './SearchScreen.svelte';

const invokeMock = vi.mocked(invoke);

const RESULTS: SearchResults = {
	total: 3,
	hits: [
		{
			record: { kind: 'risk', ref: 'R-004', title: 'Customer data on a lost laptop', id: 4 },
			excerpt: ''
		},
		{
			record: { kind: 'control', ref: '8.1', title: 'User endpoint devices', id: null },
			excerpt: '…every <b>laptop</b> is encrypted…'
		}
	]
};

function renderScreen() {
	const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
	render(WithQueryClient, {
		// The screen takes no props; WithQueryClient's generic expects some.
		props: { client, component: SearchScreen as never, props: {} }
	});
}

describe('SearchScreen', () => {
	beforeEach(() => {
		invokeMock.mockReset();
		vi.mocked(goto).mockReset();
		invokeMock.mockImplementation(async (command: string, args?: unknown) => {
			if (command !== 'search_records') throw new Error(`unexpected ${command}`);
			const { query } = args as { query: string };
			return query === 'nothing' ? { total: 0, hits: [] } : RESULTS;
		});
	});

	it('searches for the query in the address and links each hit to its page', async () => {
		renderScreen();
		expect(screen.getByTestId<HTMLInputElement>('search-input').value).toBe('laptop');
		const hits = await screen.findAllByTestId('search-hit');
		expect(invokeMock).toHaveBeenCalledWith('search_records', { query: 'laptop' });
		expect(hits.map((h) => h.querySelector('a')?.getAttribute('href'))).toEqual([
			'/risks/4',
			'/soa?control=8.1'
		]);
		expect(screen.getByTestId('search-summary').textContent).toBe(
			'3 records match; the best 2 are shown.'
		);
	});

	it('shows record text as text, never as markup', async () => {
		renderScreen();
		const excerpt = await screen.findByTestId('search-hit-excerpt');
		expect(excerpt.textContent).toBe('…every <b>laptop</b> is encrypted…');
		expect(excerpt.querySelector('b')).toBeNull();
	});

	it('searches again once typing pauses, and says when nothing matches', async () => {
		renderScreen();
		await screen.findAllByTestId('search-hit');
		await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'nothing' } });
		await waitFor(() =>
			expect(invokeMock).toHaveBeenCalledWith('search_records', { query: 'nothing' })
		);
		expect(await screen.findByText('Nothing holds all of “nothing”')).toBeTruthy();
		expect(goto).toHaveBeenLastCalledWith('/search?q=nothing', {
			replaceState: true,
			keepFocus: true,
			noScroll: true
		});
	});

	it('asks for words when the box is empty and sends nothing', async () => {
		renderScreen();
		await screen.findAllByTestId('search-hit');
		invokeMock.mockClear();
		await fireEvent.input(screen.getByTestId('search-input'), { target: { value: '   ' } });
		expect(await screen.findByTestId('search-hint')).toBeTruthy();
		expect(invokeMock).not.toHaveBeenCalled();
	});
});
