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
	/** An extra test id on the error message itself (e.g. `unlock-error`). */
	errorTestId?: string;
	/** The control's `data-testid`; by default `<prefix>-<name>` under `fieldTestids(prefix)`. */
	testid?: string;
};

const KEY = Symbol('field-errors');
const TESTIDS = Symbol('field-testids');

/**
 * Names the test ids of the fields below: a field without a `testid` of its own gets
 * `<prefix>-<name>`, its model key in kebab case without an `_id` ending (`owner_id` in the
 * `item` form is `item-owner`, `source_ref` is `item-source-ref`). One scheme for every form.
 */
export function fieldTestids(prefix: string): void {
	setContext(TESTIDS, prefix);
}

/** The test id a field named `name` gets under `prefix`. */
export function fieldTestid(prefix: string, name: string): string {
	return `${prefix}-${name.replace(/_id$/, '').replaceAll('_', '-')}`;
}

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
	const prefix = getContext<string | undefined>(TESTIDS);
	return <P extends FieldProps>(props: P) => {
		const {
			label,
			name,
			errors,
			error,
			hint,
			required = false,
			errorTestId,
			testid,
			...control
		} = props;
		const message = errorFor(name, errors ?? provided?.(), error);
		const id = testid ?? (prefix === undefined ? undefined : fieldTestid(prefix, name));
		return [
			{ label, name, hint, required, errorTestId, error: message },
			id === undefined ? control : { ...control, 'data-testid': id }
		] as const;
	};
}
