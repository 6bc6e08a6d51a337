// Typed wrappers over the application-level commands: `app_info` and `settings_update`.

import { call } from '$lib/ipc';

export const appInfo = () => call('app_info');

/** Idle auto-lock delay, 1 to 240 minutes. */
export const settingsUpdate = (idleLockMinutes: number) =>
	call('settings_update', { idle_lock_minutes: idleLockMinutes });
