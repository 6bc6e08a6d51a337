// Typed wrappers over the `suppliers_*` commands (docs/ipc.md). Reviews and certificates are
// written with their own commands; each answers the supplier with all of them.

import type { Certificate } from '$lib/bindings/Certificate';
import type { Supplier } from '$lib/bindings/Supplier';
import type { SupplierReview } from '$lib/bindings/SupplierReview';
import { call } from '$lib/ipc';

export const suppliersList = () => call('suppliers_list');

export const suppliersCreate = (supplier: Supplier) => call('suppliers_create', { supplier });

/** Updates the supplier's own fields; its reviews and certificates stay as they are. */
export const suppliersUpdate = (supplier: Supplier) => call('suppliers_update', { supplier });

/** Refused (`Referenced`) while an incident names the supplier. */
export const suppliersDelete = (id: number) => call('suppliers_delete', { id });

export const suppliersAddReview = (review: SupplierReview) =>
	call('suppliers_add_review', { review });

export const suppliersRemoveReview = (id: number) => call('suppliers_remove_review', { id });

/** Adds a certificate (id 0) or updates one. */
export const suppliersSaveCertificate = (certificate: Certificate) =>
	call('suppliers_save_certificate', { certificate });

export const suppliersRemoveCertificate = (id: number) =>
	call('suppliers_remove_certificate', { id });
