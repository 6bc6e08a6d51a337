// Files dropped on the window. The webview reports drops with their paths (Tauri's
// `tauri://drag-drop` event, under the event permission the capability already grants); the
// paths then go to a Rust command, which reads the files. Kept in `lib/ipc` so no screen imports
// `@tauri-apps/api` itself.

import { getCurrentWebview } from '@tauri-apps/api/webview';
import { toIpcError } from './error';

/** Where a drag is, in CSS pixels of the page. */
export type DropPoint = { x: number; y: number };

export type FileDrag =
	| { type: 'over'; point: DropPoint }
	| { type: 'drop'; paths: string[]; point: DropPoint }
	| { type: 'leave' };

/** Subscribes to file drags over the window; resolves with the function that unsubscribes. */
export async function onFileDrag(handler: (drag: FileDrag) => void): Promise<() => void> {
	try {
		return await getCurrentWebview().onDragDropEvent(({ payload }) => {
			if (payload.type === 'leave') return handler({ type: 'leave' });
			const scale = window.devicePixelRatio || 1;
			const point = { x: payload.position.x / scale, y: payload.position.y / scale };
			if (payload.type === 'drop') handler({ type: 'drop', paths: payload.paths, point });
			else handler({ type: 'over', point });
		});
	} catch (reason) {
		throw toIpcError(reason);
	}
}
