// Typed wrappers over the `training_*` commands (docs/ipc.md), and the people list the matrix
// needs (kept here so this domain does not depend on another screen's module).

import type { Completion } from '$lib/bindings/Completion';
import type { Course } from '$lib/bindings/Course';
import { call } from '$lib/ipc';

/** Courses, completions and everyone's awareness status on `asOf` ("YYYY-MM-DD"). */
export const trainingList = (asOf: string) => call('training_list', { as_of: asOf });

export const trainingCreateCourse = (course: Course) => call('training_create_course', { course });

export const trainingUpdateCourse = (course: Course) => call('training_update_course', { course });

export const trainingAddCompletion = (completion: Completion) =>
	call('training_add_completion', { completion });

export const trainingDeleteCompletion = (id: number) => call('training_delete_completion', { id });

export const peopleList = () => call('people_list');
