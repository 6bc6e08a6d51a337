// The organisation form's working copy. Inputs need '' where the model has null, and a number
// field can be empty while typing; `toOrganisation` turns the draft back into the model.

import type { FindingPolicy } from '$lib/bindings/FindingPolicy';
import type { Organisation } from '$lib/bindings/Organisation';
import { FINDING_POLICY_LABELS } from '$lib/bindings/vocabulary';

export type OrganisationDraft = Omit<Organisation, 'audit_months'> & {
	audit_months: number | null;
};

export const FINDING_POLICIES: ReadonlyArray<{
	value: FindingPolicy;
	label: string;
	description: string;
}> = [
	{
		value: 'zero_findings',
		label: FINDING_POLICY_LABELS.zero_findings,
		description: 'The CB certifies only with no open nonconformities.'
	},
	{
		value: 'no_major_nc',
		label: FINDING_POLICY_LABELS.no_major_nc,
		description:
			'The CB certifies without major nonconformities and wants a corrective action plan for the rest.'
	}
];

export function toDraft(organisation: Organisation): OrganisationDraft {
	return { ...organisation };
}

export function toOrganisation(draft: OrganisationDraft): Organisation {
	return {
		name: draft.name,
		scope: draft.scope,
		isms_start: draft.isms_start || null,
		stage1_date: draft.stage1_date || null,
		stage2_target: draft.stage2_target || null,
		certification_body: draft.certification_body,
		finding_policy: draft.finding_policy,
		audit_months: draft.audit_months ?? 0
	};
}

/** True when the draft would save something different from `saved`. */
export function isDirty(draft: OrganisationDraft, saved: Organisation): boolean {
	if (draft.audit_months === null) return true;
	const a = toOrganisation(draft);
	return (Object.keys(saved) as Array<keyof Organisation>).some((key) => a[key] !== saved[key]);
}

/** Checks the UI can make before sending; the shell validates again. */
export function localErrors(draft: OrganisationDraft): Record<string, string> {
	const errors: Record<string, string> = {};
	if (draft.name.trim() === '') errors.name = 'Enter the organisation name.';
	const months = draft.audit_months;
	if (months === null || !Number.isInteger(months) || months < 1 || months > 12) {
		errors.audit_months = 'Enter a whole number of months from 1 to 12.';
	}
	return errors;
}
