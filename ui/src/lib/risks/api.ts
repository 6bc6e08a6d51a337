// Typed wrappers over the `risks_*` commands (docs/ipc.md). A risk is saved whole, its
// treatment actions included; approvals are recorded separately and only by the risk's owner.

import type { ApprovalKind } from '$lib/bindings/ApprovalKind';
import type { RiskInput } from '$lib/bindings/RiskInput';
import type { RiskMethod } from '$lib/bindings/RiskMethod';
import { call } from '$lib/ipc';

export const risksList = () => call('risks_list');

/** `null` until the method is set: risks cannot be created before. */
export const risksMethodGet = () => call('risks_method_get');

/** Resolves with how many risks were flagged for review because they no longer fit. */
export const risksMethodSet = (method: RiskMethod) => call('risks_method_set', { method });

export const risksCreate = (risk: RiskInput) => call('risks_create', { risk });

export const risksUpdate = (risk: RiskInput) => call('risks_update', { risk });

export const risksDelete = (id: number) => call('risks_delete', { id });

export type Approval = {
	risk_id: number;
	kind: ApprovalKind;
	person_id: number;
	approved_on: string;
	note: string;
};

/** Rejects with `Validation` on `person_id` unless the person is the risk's owner. */
export const risksApprove = (approval: Approval) => call('risks_approve', approval);
