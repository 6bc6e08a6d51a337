// Typed wrappers over the `organisation_*` commands (docs/ipc.md).

import type { Organisation } from '$lib/bindings/Organisation';
import { call } from '$lib/ipc';

export const organisationGet = () => call('organisation_get');

export const organisationUpdate = (organisation: Organisation) =>
	call('organisation_update', { organisation });
