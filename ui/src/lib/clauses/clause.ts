// How the clause checklist places an entry: its depth in the standard.

/** 0 for "4", 1 for "4.1", 2 for "6.1.2". */
export const depth = (clauseId: string) => clauseId.split('.').length - 1;
