import { describe, expect, it } from 'vitest';
import type { Risk } from '$lib/bindings/Risk';
import type { RiskApproval } from '$lib/bindings/RiskApproval';
import { countCells } from './heatmap';
import { bands, commonMethod, levelOf, resizeLabels } from './method';
import { approvalState, approvedInWords, blankRisk, localErrors } from './risk';

const approval = (kind: 'plan' | 'acceptance', isVoid: boolean): RiskApproval => ({
	id: 1,
	kind,
	person_id: 1,
	approved_on: '2025-03-01',
	note: '',
	approved: {},
	void: isVoid
});

describe('the risk method', () => {
	it('puts a score in the core’s level: red from the red threshold, acceptable up to acceptance', () => {
		const m = commonMethod();
		expect(levelOf(m, 6)).toBe('acceptable');
		expect(levelOf(m, 7)).toBe('amber');
		expect(levelOf(m, 14)).toBe('amber');
		expect(levelOf(m, 15)).toBe('red');
		expect(bands(m).map((b) => b.text)).toEqual(['1 to 6', '7 to 14', '15 to 25']);
	});

	it('keeps the labels typed when a scale grows, and offers common words for new levels', () => {
		expect(resizeLabels(['Low', 'Mid', 'High'], 3, 'impact')).toEqual(['Low', 'Mid', 'High']);
		expect(resizeLabels(['Low', 'Mid', 'High'], 5, 'impact')).toEqual([
			'Low',
			'Mid',
			'High',
			'Major',
			'Severe'
		]);
		expect(resizeLabels(['', '', ''], 4, 'likelihood'), 'started from scratch').toEqual([
			'',
			'',
			'',
			''
		]);
	});
});

describe('heat-map counts', () => {
	it('count each risk once, in its cell or as unscored', () => {
		const risks: Risk[] = [
			{ ...blankRisk(), id: 1, likelihood: 4, impact: 5 },
			{
				...blankRisk(),
				id: 2,
				likelihood: 4,
				impact: 5,
				residual_likelihood: 1,
				residual_impact: 1
			},
			{ ...blankRisk(), id: 3, likelihood: 4, impact: null },
			{ ...blankRisk(), id: 4, likelihood: 9, impact: 1 }
		];
		const inherent = countCells(risks, 'inherent', 5, 5);
		expect(inherent.cells[3]![4]).toBe(2);
		expect(inherent.unscored, 'one without impact, one outside the matrix').toBe(2);
		const residual = countCells(risks, 'residual', 5, 5);
		expect(residual.cells[0]![0]).toBe(1);
		expect(residual.unscored).toBe(3);
	});
});

describe('approvals', () => {
	it('are ok, void or missing as the owner’s current approvals stand', () => {
		const modify: Risk = { ...blankRisk(), treatment: 'modify' };
		expect(approvalState(modify)).toBe('missing');
		expect(approvalState({ ...modify, approvals: [approval('plan', true)] })).toBe('void');
		expect(
			approvalState({ ...modify, approvals: [approval('plan', true), approval('plan', false)] })
		).toBe('ok');
		const accept: Risk = {
			...blankRisk(),
			treatment: 'accept',
			approvals: [approval('plan', false)]
		};
		expect(approvalState(accept), 'accepting needs the acceptance too').toBe('missing');
		expect(
			approvalState({ ...accept, approvals: [...accept.approvals, approval('acceptance', false)] })
		).toBe('ok');
	});

	it('say what was approved in plain words', () => {
		const words = approvedInWords({
			owner_id: 1,
			likelihood: 4,
			impact: 5,
			treatment: 'modify',
			residual_likelihood: 2,
			residual_impact: 3,
			actions: [['Encrypt laptops', 1, '2025-06-30', ['8.24']]]
		});
		expect(words).toBe('Inherent 4 × 5 = 20 · decision: Modify · 1 action · residual 2 × 3 = 6');
	});
});

describe('the risk form', () => {
	it('names action errors by index, as the shell does', () => {
		const risk: Risk = {
			...blankRisk(),
			title: 'x',
			actions: [
				{
					id: 0,
					title: 'ok',
					owner_id: null,
					due_date: null,
					status: 'planned',
					done_date: null,
					controls: []
				},
				{
					id: 0,
					title: ' ',
					owner_id: null,
					due_date: null,
					status: 'done',
					done_date: null,
					controls: []
				}
			]
		};
		expect(localErrors(risk)).toEqual({
			'actions.1.title': 'An action needs a title.',
			'actions.1.done_date': 'When was it done?'
		});
	});
});
