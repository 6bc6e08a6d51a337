// What the typed field wrappers (TextField, DateField, SelectField …) share: the label, the
// model key the field edits, its test id and where its error comes from. A form keeps its
// field errors as one record keyed by model key (the `fields` of an `IpcError`, placed by
// `placeError`, or the form's own checks). The record dialog provides that record to the
// fields inside it; a form of its own passes `errors` to each field. Each field shows the
// message for its own key.
import { getContext, setContext } from 'svelte';

/** Error messages by model key, e.g. `{ name: 'Give it a name.' }`. */
export type FieldErrors = Readonly<Record<string, string>>;

/** The props every field wrapper takes besides its control's own attributes. */
export type FieldProps = {
	label: string;
	/** The model key this field edits, e.g. `stage2_target`: picks its error, names its test id. */
	name: string;
	/** The form's errors (by default those of the record dialog around it). */
	errors?: FieldErrors;
	/** An error of its own, shown instead of `errors[name]`. */
	error?: string | null;
	hint?: string;
	required?: boolean;
	/** The control's `data-testid`. */
	testid?: string;
};

const KEY = Symbol('field-errors');

/** Gives the fields below the form's errors (a getter, so they follow it). */
export function provideFieldErrors(errors: () => FieldErrors): void {
	setContext(KEY, errors);
}

/** The form's errors provided above, if any (read while the component initialises). */
export function providedFieldErrors(): (() => FieldErrors) | undefined {
	return getContext<(() => FieldErrors) | undefined>(KEY);
}

/** The message a field shows: its own error, else the form's error for its key. */
export function errorFor(
	name: string,
	errors: FieldErrors | undefined,
	error?: string | null
): string | null {
	return error ?? errors?.[name] ?? null;
}

/**
 * Splits a field wrapper's props into the Field's and the control's. Call it while the
 * component initialises (it reads the form's errors from the context), then derive with it.
 */
export function fieldSplitter() {
	const provided = providedFieldErrors();
	return <P extends FieldProps>(props: P) => {
		const { label, name, errors, error, hint, required = false, testid, ...control } = props;
		const message = errorFor(name, errors ?? provided?.(), error);
		return [
			{ label, name, hint, required, error: message },
			testid === undefined ? control : { ...control, 'data-testid': testid }
		] as const;
	};
}
