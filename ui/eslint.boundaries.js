// The import boundary between UI folders, read by eslint.config.js.
//
// A domain folder (`src/lib/<domain>/`) imports only from the kit (`$lib/components`), the
// command layer (`$lib/ipc`), the generated types (`$lib/bindings`) and itself. Five more
// folders count as shared, not as domains:
//   app        the app shell's building blocks every screen uses: format, collate, query
//              stores, the read-only context, the record dialog and list (kit-level, but they
//              know the app's layout and routes);
//   styles     the design tokens;
//   testing    test hosts and fixtures, imported by tests only in practice;
//   reference  the standard's own catalogue (clauses, Annex A controls), read-only data that
//              belongs to no domain;
//   evidence   the vault's evidence files and the block that attaches them, which every record
//              resting on a file uses (competence, supplier certificates, incidents).
// Every other import of a folder by another is debt, listed below per domain with the reason,
// so that it shows and can be paid off; remove a line when its import goes.

export const SHARED = [
	'components',
	'ipc',
	'bindings',
	'app',
	'styles',
	'testing',
	'reference',
	'evidence'
];

/** What the kit itself may import: no domain, so that every domain may use all of it. */
export const KIT_PATTERNS = [
	{
		regex: '^\\$lib/(?!(?:components|ipc|bindings|app|styles|testing)(?:/|$))',
		message: 'The kit (lib/components) imports no domain: pass what it needs in as props.'
	}
];

/** Imports a domain may still make of another domain, as `$lib/` paths (no extension needed). */
export const EXCEPTIONS = {
	acknowledgements: [
		// The one import wizard and the sheet export button live in lib/sheets and serve every
		// register.
		'$lib/sheets/SheetImportDialog.svelte',
		'$lib/sheets/SheetExportButton.svelte',
		// Test fixtures of people.
		'$lib/people/person'
	],
	assets: [
		// Who is active on a day: the people domain's rule, used for owners.
		'$lib/people/person',
		// Screens moved from routes/ compose other registers: their lists and the shared sheet buttons.
		'$lib/people/api',
		'$lib/sheets/SheetExportButton.svelte',
		'$lib/sheets/SheetImportButton.svelte'
	],
	audits: [
		// Auditor competence reads the competence register.
		'$lib/competence/api',
		'$lib/competence/competence',
		// Findings are raised as tracker items.
		'$lib/tracker/item',
		// Screens moved from routes/ compose other registers: their lists and the shared sheet buttons.
		'$lib/sheets/SheetExportButton.svelte',
		'$lib/sheets/SheetImportButton.svelte',
		'$lib/tracker/api',
		// Findings are raised with the tracker's own form.
		'$lib/tracker/RaisedItems.svelte'
	],
	// Incidents name the assets and suppliers affected, the people who reported them, and
	// raise tracker items with the tracker's own form.
	incidents: [
		'$lib/sheets/SheetExportButton.svelte',
		'$lib/sheets/SheetImportButton.svelte',
		'$lib/assets/api',
		'$lib/people/api',
		'$lib/suppliers/api',
		'$lib/tracker/api',
		'$lib/tracker/item',
		'$lib/tracker/RaisedItems.svelte'
	],
	// Requirements come from an interested party (the context), are owned by people and met by
	// documents.
	requirements: [
		'$lib/context/api',
		'$lib/documents/api',
		'$lib/people/api',
		'$lib/sheets/SheetExportButton.svelte',
		'$lib/sheets/SheetImportButton.svelte'
	],
	// Suppliers handle assets and are owned by people.
	suppliers: [
		'$lib/assets/api',
		'$lib/people/api',
		'$lib/sheets/SheetExportButton.svelte',
		'$lib/sheets/SheetImportButton.svelte'
	],
	changes: [
		// Changes link risks and documents, and name people.
		'$lib/documents/api',
		'$lib/people/api',
		'$lib/risks/api'
	],
	clauses: [
		// The clause checklist shows readiness and the documents that cover a clause.
		'$lib/dashboard/readiness',
		'$lib/documents/document',
		// Screens moved from routes/ compose other registers: their lists and the shared sheet buttons.
		'$lib/documents/api'
	],
	competence: [
		'$lib/people/person',
		'$lib/sheets/SheetExportButton.svelte',
		'$lib/sheets/SheetImportButton.svelte',
		// Training completions count as competence evidence.
		'$lib/training/training'
	],
	// The dashboard sums up the other registers: it reads them by design.
	dashboard: [
		'$lib/audits/api',
		'$lib/audits/audit',
		'$lib/organisation/api',
		'$lib/people/api',
		'$lib/risks/HeatMap.svelte',
		'$lib/risks/api',
		'$lib/tracker/api',
		'$lib/tracker/item'
	],
	// Export packs show the readiness verdict.
	// "Everything as one workbook" is the sheet export button for the whole vault.
	export: [
		'$lib/dashboard/api',
		'$lib/dashboard/fixtures',
		'$lib/dashboard/readiness',
		'$lib/sheets/SheetExportButton.svelte'
	],
	measures: ['$lib/sheets/SheetExportButton.svelte'],
	reviews: [
		// Review actions name people and become tracker items.
		'$lib/people/person',
		'$lib/tracker/item',
		// Screens moved from routes/ compose other registers: their lists and the shared sheet buttons.
		'$lib/people/api',
		'$lib/tracker/api'
	],
	risks: [
		'$lib/people/person',
		// Screens moved from routes/ compose other registers: their lists and the shared sheet buttons.
		'$lib/assets/api',
		'$lib/people/api',
		'$lib/sheets/SheetExportButton.svelte',
		'$lib/sheets/SheetImportButton.svelte'
	],
	// Search lists readiness rules among its hits.
	search: ['$lib/dashboard/readiness'],
	// Sheets offer exports of packs beside registers.
	sheets: ['$lib/export/api', '$lib/export/export'],
	soa: [
		'$lib/people/person',
		// Screens moved from routes/ compose other registers: their lists and the shared sheet buttons.
		'$lib/people/api',
		'$lib/sheets/SheetExportButton.svelte',
		'$lib/sheets/SheetImportButton.svelte',
		// The registers resting on A.5.19, A.5.24 and A.5.31 are counted on those rows.
		'$lib/incidents/api',
		'$lib/requirements/api',
		'$lib/suppliers/api'
	],
	tracker: [
		// Items raised by an audit link back to it.
		'$lib/audits/api',
		'$lib/sheets/SheetExportButton.svelte',
		'$lib/sheets/SheetImportButton.svelte'
	],
	training: [
		'$lib/sheets/SheetImportDialog.svelte',
		'$lib/people/person',
		'$lib/sheets/SheetExportButton.svelte'
	],
	documents: [
		// Screens moved from routes/ compose other registers: their lists and the shared sheet buttons.
		'$lib/sheets/SheetExportButton.svelte',
		'$lib/sheets/SheetImportButton.svelte'
	],
	organisation: [
		// Screens moved from routes/ compose other registers: their lists and the shared sheet buttons.
		'$lib/context/ContextCards.svelte',
		'$lib/context/api'
	],
	people: [
		// Screens moved from routes/ compose other registers: their lists and the shared sheet buttons.
		'$lib/sheets/SheetExportButton.svelte',
		'$lib/sheets/SheetImportButton.svelte'
	],
	settings: [
		// Screens moved from routes/ compose other registers: their lists and the shared sheet buttons.
		'$lib/vault/ChangePassphraseCard.svelte',
		'$lib/vault/MaintenanceCard.svelte'
	]
};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The `no-restricted-imports` patterns for one domain: every other `$lib` folder is refused
 * (and any relative path leaving the folder), save the shared ones, itself and its exceptions.
 * An exception without an extension also allows that module's file with one; one ending in
 * `/**` allows the whole folder.
 */
export function boundaryPatterns(domain) {
	const folders = [...SHARED, domain].map(escape).join('|');
	const exceptions = (EXCEPTIONS[domain] ?? []).map((path) =>
		path.endsWith('/**')
			? `${escape(path.slice('$lib/'.length, -3))}/.*`
			: `${escape(path.slice('$lib/'.length))}(?:\\.\\w+)?$`
	);
	const allowed = [`(?:${folders})(?:/|$)`, ...exceptions].join('|');
	return [
		{
			regex: `^\\$lib/(?!${allowed})`,
			message: `lib/${domain} may import only $lib/components, $lib/ipc, $lib/bindings, the shared folders (${SHARED.slice(3).join(', ')}) and itself: move what it needs into the kit, or list the exception in eslint.boundaries.js.`
		},
		{
			regex: `^\\.\\./(?!${escape(domain)}(?:/|$))`,
			message: `lib/${domain} reaches outside its folder by a relative path: import through $lib.`
		}
	];
}
