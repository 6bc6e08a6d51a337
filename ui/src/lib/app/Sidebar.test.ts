import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('$app/navigation', () => ({ goto: vi.fn() }));
vi.mock('$app/state', () => ({ page: { url: new URL('http://localhost/dashboard') } }));

import Sidebar from './Sidebar.svelte';

describe('Sidebar', () => {
	it('shows a Read-only badge only for a vault open read-only', () => {
		const props = { organisationName: 'Acme Ltd', locking: false, onlock: vi.fn() };
		const { unmount } = render(Sidebar, { props: { ...props, readOnly: true } });
		expect(screen.getByTestId('read-only-badge').textContent).toBe('Read-only');
		unmount();
		render(Sidebar, { props });
		expect(screen.queryByTestId('read-only-badge')).toBeNull();
	});
});
