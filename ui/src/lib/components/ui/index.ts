// The small design system. Import from '$lib/components/ui'.
export { default as Banner } from './Banner.svelte';
export { default as Button } from './Button.svelte';
export { default as Card } from './Card.svelte';
export { default as ConfirmDialog } from './ConfirmDialog.svelte';
export { default as DateInput } from './DateInput.svelte';
export { default as Dialog } from './Dialog.svelte';
export { default as EmptyState } from './EmptyState.svelte';
export { default as Field, type FieldControl } from './Field.svelte';
export { default as Icon, type IconName } from './Icon.svelte';
export { default as PassphraseInput } from './PassphraseInput.svelte';
export { default as RadioCards } from './RadioCards.svelte';
export { default as Select } from './Select.svelte';
export { default as Spinner } from './Spinner.svelte';
export { default as TextInput } from './TextInput.svelte';
export { default as Textarea } from './Textarea.svelte';
