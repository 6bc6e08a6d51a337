// Files dropped on the window. The webview reports a drag moving over the window (Tauri's
// `tauri://drag-*` events, under the event permission the capability already grants); the drop
// itself is taken by the shell, which keeps the dropped paths and sends the page only their
// handles (`files-dropped`), the only thing a command accepts. Kept in `lib/ipc` so no screen
// imports `@tauri-apps/api` itself.

import { getCurrentWebview } from '@tauri-apps/api/webview';
import type { FileRef } from '$lib/bindings/FileRef';
import { toIpcError } from './error';
import { subscribe } from './index';

/** Where a drag is, in CSS pixels of the page. */
export type DropPoint = { x: number; y: number };

export type FileDrag =
	| { type: 'over'; point: DropPoint }
	| { type: 'drop'; files: FileRef[]; point: DropPoint }
	| { type: 'leave' };

const pagePoint = (x: number, y: number): DropPoint => {
	const scale = window.devicePixelRatio || 1;
	return { x: x / scale, y: y / scale };
};

/** Subscribes to file drags over the window; resolves with the function that unsubscribes. */
export async function onFileDrag(handler: (drag: FileDrag) => void): Promise<() => void> {
	try {
		const stopDrag = await getCurrentWebview().onDragDropEvent(({ payload }) => {
			if (payload.type === 'leave') handler({ type: 'leave' });
			// The webview's own drop carries paths, which no command takes: the shell's
			// `files-dropped` below carries the handles.
			else if (payload.type !== 'drop')
				handler({ type: 'over', point: pagePoint(payload.position.x, payload.position.y) });
		});
		const stopDrop = await subscribe('files-dropped', ({ files, x, y }) =>
			handler({ type: 'drop', files, point: pagePoint(x, y) })
		).catch((reason: unknown) => {
			stopDrag();
			throw reason;
		});
		return () => {
			stopDrag();
			stopDrop();
		};
	} catch (reason) {
		throw toIpcError(reason);
	}
}
