// Typed wrappers over the `soa_*` commands (docs/ipc.md).

import type { SoaEntry } from '$lib/bindings/SoaEntry';
import { call } from '$lib/ipc';

export const soaList = () => call('soa_list');

/** Rejects with `Validation` on `justification` when a control is excluded without one. */
export const soaUpdate = (entry: SoaEntry) => call('soa_update', { entry });

/** All or nothing; field errors are named `<control>.<field>`, e.g. `8.1.justification`. */
export const soaUpdateMany = (entries: SoaEntry[]) => call('soa_update_many', { entries });

export type SoaApproval = { approved_by: number; approved_on: string; note: string };

export const soaApprove = (approval: SoaApproval) => call('soa_approve', approval);

/** Oldest first. */
export const soaVersions = () => call('soa_versions');
