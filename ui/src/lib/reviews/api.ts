// Typed wrappers over the `reviews_*` commands (docs/ipc.md).

import type { Review } from '$lib/bindings/Review';
import type { TrackerItem } from '$lib/bindings/TrackerItem';
import { call } from '$lib/ipc';

export const reviewsList = () => call('reviews_list');

/** Summaries the vault proposes, by input id ("9.3.2 a)"), as of a day; unknown inputs absent. */
export const reviewsProposed = (asOf: string) => call('reviews_proposed', { as_of: asOf });

/** The vault assigns the reference (MR-001…); send id 0 and reference ''. */
export const reviewsCreate = (review: Review) => call('reviews_create', { review });

export const reviewsUpdate = (review: Review) => call('reviews_update', { review });

/** An action decided in the review: a tracker item whose source the vault sets to the review. */
export const reviewsRaiseAction = (reviewId: number, item: TrackerItem) =>
	call('reviews_raise_action', { review_id: reviewId, item });
