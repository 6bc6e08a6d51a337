// Typed wrapper over `readiness_view` (both stages evaluated as of a day) for the dashboard.

import type { ReadinessView } from '$lib/bindings/ReadinessView';
import { call } from '$lib/ipc';

export type { ReadinessView };

/** Stage 1 and Stage 2 as of `asOf` ("YYYY-MM-DD"), and the days left to the Stage 2 target. */
export const readinessView = (asOf: string) => call('readiness_view', { as_of: asOf });
