// Dates and sizes as the user reads them, in their own locale.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "today, 14:02"-style for the last week, a plain date before. `now` is passed in for tests. */
export function formatLastOpened(rfc3339: string, now: Date = new Date()): string {
	const then = new Date(rfc3339);
	if (Number.isNaN(then.getTime())) return rfc3339;
	const days = Math.round((startOfDay(then) - startOfDay(now)) / 86_400_000);
	if (days <= 0 && days > -7) {
		const time = then.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
		return `${relative.format(days, 'day')}, ${time}`;
	}
	return dateTime.format(then);
}

function startOfDay(d: Date): number {
	return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	const units = ['KB', 'MB', 'GB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit += 1;
	}
	return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const calendarDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A contract date ("YYYY-MM-DD") as the user reads it; the text itself if it is not one. */
export function formatDate(ymd: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
	if (!match) return ymd;
	const [, y, m, d] = match;
	return calendarDate.format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))));
}

/** Today in the user's time zone as "YYYY-MM-DD", the form the contract's dates take. */
export function todayYmd(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
