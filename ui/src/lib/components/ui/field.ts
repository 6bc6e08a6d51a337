// What the typed field wrappers (TextField, DateField, SelectField …) share: the label, the
// model key the field edits and where its error comes from. A form keeps its field errors as
// one record keyed by model key (the `fields` of an `IpcError`, placed by `placeError`, or the
// form's own checks) and hands the whole record to every field; each picks its own message.

/** Error messages by model key, e.g. `{ name: 'Give it a name.' }`. */
export type FieldErrors = Readonly<Record<string, string>>;

/** The props every field wrapper takes besides its control's own attributes. */
export type FieldProps = {
	label: string;
	/** The model key this field edits, e.g. `stage2_target`: picks its error, names its test id. */
	name: string;
	/** The form's errors; the field shows `errors[name]`. */
	errors?: FieldErrors;
	/** An error of its own, shown instead of `errors[name]`. */
	error?: string | null;
	hint?: string;
	required?: boolean;
};

/** The message a field shows: its own error, else the form's error for its key. */
export function errorFor(
	name: string,
	errors: FieldErrors | undefined,
	error?: string | null
): string | null {
	return error ?? errors?.[name] ?? null;
}
