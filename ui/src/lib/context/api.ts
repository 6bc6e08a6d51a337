// Typed wrappers over the `context_*` commands (docs/ipc.md): the issues of clause 4.1 and the
// interested parties of clause 4.2, read together.

import type { ContextIssue } from '$lib/bindings/ContextIssue';
import type { InterestedParty } from '$lib/bindings/InterestedParty';
import { call } from '$lib/ipc';

export const contextList = () => call('context_list');

export const contextCreateIssue = (issue: ContextIssue) => call('context_create_issue', { issue });

export const contextUpdateIssue = (issue: ContextIssue) => call('context_update_issue', { issue });

export const contextDeleteIssue = (id: number) => call('context_delete_issue', { id });

export const contextCreateParty = (party: InterestedParty) =>
	call('context_create_party', { party });

export const contextUpdateParty = (party: InterestedParty) =>
	call('context_update_party', { party });

export const contextDeleteParty = (id: number) => call('context_delete_party', { id });
