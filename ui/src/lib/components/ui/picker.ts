// Types shared by the kit's choice widgets (MultiPicker, RadioCards).

/** One choice of a MultiPicker. `reference` and `href` are for its `list` look. */
export type PickerOption<V extends string | number> = {
	value: V;
	label: string;
	/** Options with a group are shown under it (an optgroup). */
	group?: string;
	/** A short reference shown before the label, e.g. "R-004". */
	reference?: string;
	/** Where the chosen record's own page is. */
	href?: string;
};

/** One card of a RadioCards group. */
export type RadioOption<T extends string> = {
	value: T;
	label: string;
	description: string;
	/** The card spans the whole row. */
	wide?: boolean;
};
