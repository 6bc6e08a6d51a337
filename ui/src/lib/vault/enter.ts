// Into a vault just opened (created, unlocked, or the demo): the old lock notice goes, no record
// of a vault opened before stays cached, and the dashboard replaces the start page.
import { goto } from '$app/navigation';
import { dropRecordData } from '$lib/app/query';
import { lockNotice } from './lockNotice.svelte';

export function enterVault(): Promise<void> {
	lockNotice.reason = null;
	dropRecordData();
	return goto('/dashboard', { replaceState: true });
}
