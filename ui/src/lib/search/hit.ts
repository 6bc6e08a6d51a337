// What the search page shows of a hit: the kind's name; where it opens and how it reads are the
// dashboard's (`recordHref`, `recordLabel`), as a hit names its record as a readiness rule does.

import type { RecordKind } from '$lib/bindings/RecordKind';
import { RECORD_KIND_LABELS } from '$lib/bindings/vocabulary';

export const KIND_LABEL: Record<RecordKind, string> = RECORD_KIND_LABELS;
