// Why the vault was last locked, for the one-line notice on the start screen. Holds no record
// data; cleared when the user dismisses it or unlocks again.

export const lockNotice = $state<{ reason: 'idle' | 'manual' | null }>({ reason: null });
