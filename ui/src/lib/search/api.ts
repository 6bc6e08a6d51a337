// Typed wrapper over `search_records` (docs/ipc.md): every record holding every word of a query.

import { call } from '$lib/ipc';

export const searchRecords = (query: string) => call('search_records', { query });
