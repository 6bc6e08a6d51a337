// A record named in the address, `?<param>=<id>` (a link from the dashboard, search or another
// record): the screen opens it once its rows are loaded, and once only, so closing the dialog
// and staying on the page does not open it again. Call while the screen initialises.

import { goto } from '$app/navigation';
import { page } from '$app/state';

export function linkedRecord<T extends { id: number }>(
	param: string,
	rows: () => ReadonlyArray<T> | undefined,
	open: (record: T) => void
): { close: () => void } {
	const wanted = $derived(Number(page.url.searchParams.get(param)) || null);
	let openedFor: number | null = null;
	$effect(() => {
		if (wanted === null) openedFor = null;
		else if (wanted !== openedFor) {
			const all = rows();
			if (!all) return;
			openedFor = wanted;
			const record = all.find((r) => r.id === wanted);
			if (record) open(record);
		}
	});
	return {
		/** Takes the record out of the address, so a reload or Back does not open it again. */
		close() {
			if (wanted === null) return;
			const rest = [...page.url.searchParams]
				.filter(([key]) => key !== param)
				.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
			const search = rest.length > 0 ? `?${rest.join('&')}` : '';
			void goto(`${page.url.pathname}${search}`, {
				replaceState: true,
				noScroll: true,
				keepFocus: true
			});
		}
	};
}
