import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Audit } from '$lib/bindings/Audit';
import type { Person } from '$lib/bindings/Person';
import AuditDialog from './AuditDialog.svelte';
import { blankAudit } from './audit';

const invokeMock = vi.mocked(invoke);

const person = (id: number, name: string): Person => ({
	id,
	name,
	email: '',
	job_title: '',
	department: '',
	start_date: null,
	end_date: null,
	top_management: false,
	isms_owner: id === 3
});
const PEOPLE = [person(3, 'Anna Kowalska'), person(4, 'Bo Lind')];

function open(audit: Audit) {
	render(AuditDialog, {
		props: {
			audit,
			people: PEOPLE,
			reference: {
				controls: [],
				clauses: [{ id: '9.2', title: 'Internal audit' }],
				mandatory_items: [],
				review_inputs: []
			},
			findings: [],
			today: '2026-05-10',
			onclose: vi.fn()
		}
	});
}

const conflictCalls = () =>
	invokeMock.mock.calls.filter(([command]) => command === 'audits_conflicts');

describe('AuditDialog independence panel', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('lists the conflicts for the audit in the form and asks again when the auditor changes', async () => {
		invokeMock.mockImplementation(async (command, args) => {
			if (command !== 'audits_conflicts') return null;
			const { audit } = args as { audit: Audit };
			return audit.auditor_id === 3
				? [{ kind: 'isms_owner', reference: '9.2', message: 'Anna is the ISMS owner.' }]
				: [];
		});
		open({ ...blankAudit('2026-06'), scope_clauses: ['9.2'] });

		expect((await screen.findByTestId('independence-none')).textContent).toContain(
			'No conflict of independence'
		);
		await fireEvent.change(screen.getByTestId('audit-auditor'), { target: { value: '3' } });

		const conflict = await screen.findByTestId('independence-conflict');
		expect(conflict.textContent).toContain('ISMS owner');
		expect(conflict.textContent).toContain('9.2');
		expect(conflict.textContent).toContain('Anna is the ISMS owner.');
		const last = conflictCalls().at(-1)?.[1] as { audit: Audit };
		expect(last.audit.auditor_id).toBe(3);
		expect(last.audit.scope_clauses).toEqual(['9.2']);

		await fireEvent.change(screen.getByTestId('audit-auditor'), { target: { value: '4' } });
		await waitFor(() => expect(screen.queryByTestId('independence-conflict')).toBeNull());
		expect((conflictCalls().at(-1)?.[1] as { audit: Audit }).audit.auditor_id).toBe(4);
	});
});
