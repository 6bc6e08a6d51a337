import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { createRawSnippet } from 'svelte';
import Button from './Button.svelte';
// Provides the read-only state the way the app layout does (its context key is private).
import ReadOnlyHost from '$lib/testing/ReadOnlyHost.svelte';

const label = createRawSnippet(() => ({ render: () => '<span>Save</span>' }));

describe('Button', () => {
	it('a button that writes is disabled, and says why, while the vault is read-only', () => {
		render(ReadOnlyHost, { props: { readOnly: true, writes: true } });
		const button = screen.getByTestId('host-button') as HTMLButtonElement;
		expect(button.disabled).toBe(true);
		expect(button.title).toMatch(/read-only/);
	});

	it('a button that only reads stays enabled in a read-only vault', () => {
		render(ReadOnlyHost, { props: { readOnly: true, writes: false } });
		expect((screen.getByTestId('host-button') as HTMLButtonElement).disabled).toBe(false);
	});

	it('a button that writes is enabled in a writable vault and outside the app', () => {
		render(ReadOnlyHost, { props: { readOnly: false, writes: true } });
		expect((screen.getByTestId('host-button') as HTMLButtonElement).disabled).toBe(false);
		render(Button, { props: { writes: true, children: label, 'data-testid': 'bare' } });
		expect((screen.getByTestId('bare') as HTMLButtonElement).disabled).toBe(false);
	});
});
