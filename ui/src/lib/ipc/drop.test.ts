import { beforeEach, describe, expect, it, vi } from 'vitest';

type DragPayload =
	| { type: 'enter' | 'over'; position: { x: number; y: number }; paths?: string[] }
	| { type: 'drop'; position: { x: number; y: number }; paths: string[] }
	| { type: 'leave' };

const hooks = vi.hoisted(() => ({
	webview: null as ((event: { payload: DragPayload }) => void) | null,
	shell: new Map<string, (event: { payload: unknown }) => void>(),
	stopped: [] as string[]
}));

vi.mock('@tauri-apps/api/webview', () => ({
	getCurrentWebview: () => ({
		onDragDropEvent: async (handler: (event: { payload: DragPayload }) => void) => {
			hooks.webview = handler;
			return () => hooks.stopped.push('webview');
		}
	})
}));
vi.mock('@tauri-apps/api/event', () => ({
	listen: async (event: string, handler: (event: { payload: unknown }) => void) => {
		hooks.shell.set(event, handler);
		return () => hooks.stopped.push(event);
	}
}));
vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), Channel: class {} }));

import { onFileDrag, type FileDrag } from './drop';

const FILE = { handle: 'a1b2', name: 'policy.pdf', shown: '/home/me/policy.pdf', bytes: 1200 };

describe('onFileDrag', () => {
	beforeEach(() => {
		hooks.webview = null;
		hooks.shell.clear();
		hooks.stopped = [];
	});

	it('reports a drop with the handles the shell sent, never the webview’s paths', async () => {
		const drags: FileDrag[] = [];
		const stop = await onFileDrag((d) => drags.push(d));
		hooks.webview!({ payload: { type: 'over', position: { x: 20, y: 40 } } });
		hooks.webview!({
			payload: { type: 'drop', position: { x: 20, y: 40 }, paths: ['/etc/passwd'] }
		});
		hooks.shell.get('files-dropped')!({ payload: { files: [FILE], x: 20, y: 40 } });
		hooks.webview!({ payload: { type: 'leave' } });
		expect(drags).toEqual([
			{ type: 'over', point: { x: 20, y: 40 } },
			{ type: 'drop', files: [FILE], point: { x: 20, y: 40 } },
			{ type: 'leave' }
		]);
		expect(JSON.stringify(drags)).not.toContain('/etc/passwd');
		stop();
		expect(hooks.stopped.sort()).toEqual(['files-dropped', 'webview']);
	});
});
