// A pure single-page app: Tauri serves the built files, nothing renders on a server and
// nothing is prerendered (every page needs the unlocked vault anyway).
export const ssr = false;
export const prerender = false;
