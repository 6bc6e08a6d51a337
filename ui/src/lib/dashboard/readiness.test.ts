import { describe, expect, it } from 'vitest';
import type { Audit } from '$lib/bindings/Audit';
import type { RecordKind } from '$lib/bindings/RecordKind';
import type { Risk } from '$lib/bindings/Risk';
import { blankAudit } from '$lib/audits/audit';
import { blankItem } from '$lib/tracker/item';
import { report, rule } from './fixtures';
import {
	auditsThisMonth,
	overdueActions,
	overdueItems,
	recordHref,
	recordLabel,
	rulesDone,
	rulesToAct,
	stage2When,
	summarise,
	verdictText
} from './readiness';

describe('summarise', () => {
	it('counts the rules that apply, those that pass, fail and warn', () => {
		const s = summarise(
			report(2, [
				rule('S2-A', 'pass'),
				rule('S2-B', 'fail'),
				rule('S2-C', 'warning'),
				rule('S2-D', 'not_applicable'),
				rule('S2-E', 'fail')
			])
		);
		expect(s).toEqual({ stage: 2, ready: false, applicable: 4, passed: 1, failed: 2, warnings: 1 });
		expect(verdictText(s)).toBe('2 gaps');
	});

	it('is ready when nothing fails, warnings or not', () => {
		const s = summarise(report(1, [rule('S1-A', 'pass'), rule('S1-B', 'warning')]));
		expect(s.ready).toBe(true);
		expect(verdictText(s)).toBe('Ready');
		expect(verdictText({ ...s, ready: false, failed: 1 })).toBe('1 gap');
	});
});

describe('rule order', () => {
	it('lists failing rules first, then warnings, each in the engine order; passes apart', () => {
		const r = report(2, [
			rule('S2-W1', 'warning'),
			rule('S2-P', 'pass'),
			rule('S2-F1', 'fail'),
			rule('S2-NA', 'not_applicable'),
			rule('S2-W2', 'warning'),
			rule('S2-F2', 'fail')
		]);
		expect(rulesToAct(r).map((x) => x.id)).toEqual(['S2-F1', 'S2-F2', 'S2-W1', 'S2-W2']);
		expect(rulesDone(r).map((x) => x.id)).toEqual(['S2-P', 'S2-NA']);
	});
});

describe('recordHref', () => {
	const ref = (kind: RecordKind, id: number | null = 7, r = 'REF') => ({
		kind,
		ref: r,
		title: 'T',
		id
	});

	it('sends every kind of record to the page where it is fixed', () => {
		const expected: Record<RecordKind, string> = {
			organisation: '/organisation',
			context: '/organisation',
			person: '/people',
			risk_method: '/risks/method',
			risk: '/risks/7',
			control: '/soa?control=REF',
			objective: '/objectives',
			document: '/documents/7',
			clause: '/clauses',
			audit: '/audits?audit=7',
			tracker_item: '/tracker/7',
			course: '/training',
			change: '/changes/7',
			review: '/reviews/7',
			asset: '/assets',
			evidence: '/soa?control=REF',
			role: '/competence',
			measure: '/measures',
			supplier: '/suppliers?supplier=7',
			incident: '/incidents?incident=7',
			requirement: '/requirements?requirement=7'
		};
		for (const [kind, href] of Object.entries(expected) as Array<[RecordKind, string]>) {
			expect(recordHref(ref(kind)), kind).toBe(href);
		}
	});

	it('falls back to the register when a record has no id', () => {
		expect(recordHref(ref('risk', null))).toBe('/risks');
		expect(recordHref(ref('document', null))).toBe('/documents');
		expect(recordHref(ref('tracker_item', null))).toBe('/tracker');
		expect(recordHref(ref('audit', null))).toBe('/audits');
		expect(recordHref(ref('change', null))).toBe('/changes');
		expect(recordHref(ref('review', null))).toBe('/reviews');
		expect(recordHref(ref('control', null, '5.15'))).toBe('/soa?control=5.15');
	});

	it('labels a record by reference and title without saying the same twice', () => {
		expect(recordLabel({ kind: 'audit', ref: 'IA-002', title: 'Access', id: 2 })).toBe(
			'IA-002 Access'
		);
		expect(recordLabel({ kind: 'person', ref: 'a@x.example', title: 'Anna', id: 1 })).toBe('Anna');
		expect(recordLabel({ kind: 'objective', ref: 'Fewer', title: 'Fewer', id: 1 })).toBe('Fewer');
		expect(
			recordLabel({ kind: 'organisation', ref: 'Organisation', title: 'Acme', id: null })
		).toBe('Acme');
	});
});

describe('stage2When', () => {
	it('counts down, says today, says passed, or says there is no date', () => {
		expect(stage2When(23)).toBe('Stage 2 in 23 days');
		expect(stage2When(1)).toBe('Stage 2 in 1 day');
		expect(stage2When(0)).toBe('Stage 2 is today');
		expect(stage2When(-4)).toBe('Stage 2 date passed 4 days ago');
		expect(stage2When(null)).toBe('No Stage 2 date set');
	});
});

describe('follow-ups', () => {
	it('lists the audits of the month still to do', () => {
		const a = (id: number, month: string, status: Audit['status']): Audit => ({
			...blankAudit(month),
			id,
			reference: `IA-00${id}`,
			status
		});
		const audits = [
			a(3, '2026-06', 'in_progress'),
			a(1, '2026-06', 'planned'),
			a(2, '2026-06', 'completed'),
			a(4, '2026-07', 'planned'),
			a(5, '2026-06', 'cancelled')
		];
		expect(auditsThisMonth(audits, '2026-06-15').map((x) => x.id)).toEqual([1, 3]);
	});

	it('judges the audits of the month on the day asked: one completed later was still to do', () => {
		const audit = (id: number, completed: string | null): Audit => ({
			...blankAudit('2026-06'),
			id,
			reference: `IA-00${id}`,
			status: 'completed',
			completed_on: completed
		});
		const audits = [audit(1, '2026-06-20'), audit(2, '2026-06-10'), audit(3, null)];
		expect(auditsThisMonth(audits, '2026-06-15').map((x) => x.id)).toEqual([1]);
		expect(auditsThisMonth(audits, '2026-06-20'), 'completed on the day').toEqual([]);
	});

	it('lists overdue tracker items and treatment actions, the longest overdue first', () => {
		const item = (id: number, due: string | null, status = 'open' as const) => ({
			...blankItem('2026-01-01'),
			id,
			due_on: due,
			status
		});
		const items = [
			item(1, '2026-05-20'),
			item(2, '2026-06-15'),
			item(3, '2026-04-01'),
			item(4, null),
			{ ...item(5, '2026-01-01'), status: 'closed' as const }
		];
		expect(overdueItems(items, '2026-06-01').map((i) => i.id)).toEqual([3, 1]);

		const action = (id: number, due: string | null, status: 'planned' | 'done' = 'planned') => ({
			id,
			title: `A${id}`,
			owner_id: null,
			due_date: due,
			status,
			done_date: null,
			controls: []
		});
		const risks = [
			{ id: 1, actions: [action(1, '2026-05-01'), action(2, '2026-05-01', 'done')] },
			{ id: 2, actions: [action(3, '2026-03-01'), action(4, '2026-07-01'), action(5, null)] }
		] as unknown as Risk[];
		expect(overdueActions(risks, '2026-06-01').map((x) => x.action.id)).toEqual([3, 1]);

		const doneLater = [
			{
				id: 3,
				actions: [
					{ ...action(6, '2026-05-01', 'done'), done_date: '2026-06-10' },
					{ ...action(7, '2026-05-01', 'done'), done_date: '2026-05-20' }
				]
			}
		] as unknown as Risk[];
		expect(
			overdueActions(doneLater, '2026-06-01').map((x) => x.action.id),
			'done on 10 June, so still open and late on 1 June'
		).toEqual([6]);
		expect(overdueActions(doneLater, '2026-06-10')).toEqual([]);
	});
});
