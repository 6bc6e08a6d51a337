// Generated from isms-core's vocabulary (src/vocabulary) by `cargo test`; do not edit.
// What the screens call each value of a closed list: the same words as the export packs
// and the spreadsheets.
import type { AckMethod } from './AckMethod';
import type { ActionStatus } from './ActionStatus';
import type { ApprovalKind } from './ApprovalKind';
import type { AuditStatus } from './AuditStatus';
import type { AwarenessStatus } from './AwarenessStatus';
import type { ChangeStatus } from './ChangeStatus';
import type { CompetenceKind } from './CompetenceKind';
import type { CourseKind } from './CourseKind';
import type { CoverageStatus } from './CoverageStatus';
import type { Criticality } from './Criticality';
import type { Direction } from './Direction';
import type { DocKind } from './DocKind';
import type { FindingPolicy } from './FindingPolicy';
import type { Frequency } from './Frequency';
import type { ImplementationStatus } from './ImplementationStatus';
import type { IncidentCategory } from './IncidentCategory';
import type { IncidentStatus } from './IncidentStatus';
import type { IssueKind } from './IssueKind';
import type { ItemKind } from './ItemKind';
import type { ItemSource } from './ItemSource';
import type { ItemStatus } from './ItemStatus';
import type { ObjectiveStatus } from './ObjectiveStatus';
import type { RecordKind } from './RecordKind';
import type { RequirementSource } from './RequirementSource';
import type { ReviewOutcome } from './ReviewOutcome';
import type { RiskLevel } from './RiskLevel';
import type { Source } from './Source';
import type { Treatment } from './Treatment';

export const ACK_METHOD_LABELS = {
	signature: 'Signature',
	form: 'Form',
	email: 'E-mail'
} as const satisfies Record<AckMethod, string>;

export const AUDIT_STATUS_LABELS = {
	planned: 'Planned',
	in_progress: 'In progress',
	completed: 'Completed',
	cancelled: 'Cancelled'
} as const satisfies Record<AuditStatus, string>;

export const CHANGE_STATUS_LABELS = {
	proposed: 'Proposed',
	approved: 'Approved',
	implemented: 'Implemented',
	rejected: 'Rejected'
} as const satisfies Record<ChangeStatus, string>;

export const COMPETENCE_KIND_LABELS = {
	education: 'Education',
	training: 'Training',
	experience: 'Experience',
	certification: 'Certification'
} as const satisfies Record<CompetenceKind, string>;

export const ISSUE_KIND_LABELS = {
	internal: 'Internal',
	external: 'External'
} as const satisfies Record<IssueKind, string>;

export const COVERAGE_STATUS_LABELS = {
	not_addressed: 'Not addressed',
	planned: 'Planned',
	addressed: 'Addressed'
} as const satisfies Record<CoverageStatus, string>;

export const DOC_KIND_LABELS = {
	policy: 'Policy',
	procedure: 'Procedure',
	manual: 'Manual',
	plan: 'Plan',
	record: 'Record',
	other: 'Other'
} as const satisfies Record<DocKind, string>;

export const INCIDENT_CATEGORY_LABELS = {
	malware: 'Malware',
	phishing: 'Phishing',
	unauthorised_access: 'Unauthorised access',
	data_loss: 'Data loss or leak',
	availability: 'Availability',
	physical: 'Physical',
	supplier: 'Supplier',
	policy_violation: 'Policy violation',
	other: 'Other'
} as const satisfies Record<IncidentCategory, string>;

export const INCIDENT_STATUS_LABELS = {
	reported: 'Reported',
	assessed: 'Assessed',
	contained: 'Contained',
	closed: 'Closed'
} as const satisfies Record<IncidentStatus, string>;

export const DIRECTION_LABELS = {
	at_least: 'At least',
	at_most: 'At most'
} as const satisfies Record<Direction, string>;

export const FREQUENCY_LABELS = {
	monthly: 'Monthly',
	quarterly: 'Quarterly',
	yearly: 'Yearly'
} as const satisfies Record<Frequency, string>;

export const SOURCE_LABELS = {
	manual: 'Entered by hand',
	awareness_training: 'Computed: awareness training coverage',
	acknowledgements: 'Computed: acknowledgement coverage',
	open_ncs: 'Computed: open nonconformities',
	overdue_items: 'Computed: overdue tracker items',
	red_risks_treated: 'Computed: red risks with treatment done',
	soa_implemented: 'Computed: applicable controls implemented',
	audit_adherence: 'Computed: audit programme adherence'
} as const satisfies Record<Source, string>;

export const OBJECTIVE_STATUS_LABELS = {
	planned: 'Planned',
	in_progress: 'In progress',
	achieved: 'Achieved',
	missed: 'Missed',
	cancelled: 'Cancelled'
} as const satisfies Record<ObjectiveStatus, string>;

export const FINDING_POLICY_LABELS = {
	zero_findings: 'Zero findings',
	no_major_nc: 'No major NC'
} as const satisfies Record<FindingPolicy, string>;

export const RECORD_KIND_LABELS = {
	organisation: 'Organisation',
	context: 'Context',
	person: 'Person',
	risk_method: 'Risk method',
	risk: 'Risk',
	control: 'SoA control',
	objective: 'Objective',
	document: 'Document',
	clause: 'Clause',
	audit: 'Audit',
	tracker_item: 'Tracker item',
	course: 'Training course',
	change: 'Change',
	review: 'Management review',
	asset: 'Asset',
	evidence: 'Evidence file',
	role: 'ISMS role',
	measure: 'Measure',
	supplier: 'Supplier',
	incident: 'Incident',
	requirement: 'Requirement'
} as const satisfies Record<RecordKind, string>;

export const REQUIREMENT_SOURCE_LABELS = {
	law: 'Law',
	regulation: 'Regulation',
	contract: 'Contract',
	standard: 'Standard',
	other: 'Other'
} as const satisfies Record<RequirementSource, string>;

export const ACTION_STATUS_LABELS = {
	planned: 'Planned',
	in_progress: 'In progress',
	done: 'Done'
} as const satisfies Record<ActionStatus, string>;

export const APPROVAL_KIND_LABELS = {
	plan: 'Treatment plan approved',
	acceptance: 'Residual risk accepted'
} as const satisfies Record<ApprovalKind, string>;

export const RISK_LEVEL_LABELS = {
	acceptable: 'Acceptable',
	amber: 'Amber',
	red: 'Red'
} as const satisfies Record<RiskLevel, string>;

export const TREATMENT_LABELS = {
	modify: 'Modify',
	avoid: 'Avoid',
	transfer: 'Transfer',
	accept: 'Accept'
} as const satisfies Record<Treatment, string>;

export const IMPLEMENTATION_STATUS_LABELS = {
	not_started: 'Not started',
	in_progress: 'In progress',
	implemented: 'Implemented'
} as const satisfies Record<ImplementationStatus, string>;

export const CRITICALITY_LABELS = {
	low: 'Low',
	medium: 'Medium',
	high: 'High',
	critical: 'Critical'
} as const satisfies Record<Criticality, string>;

export const REVIEW_OUTCOME_LABELS = {
	satisfactory: 'Satisfactory',
	actions_needed: 'Actions needed',
	unsatisfactory: 'Unsatisfactory'
} as const satisfies Record<ReviewOutcome, string>;

export const ITEM_KIND_LABELS = {
	major_nc: 'Major NC',
	minor_nc: 'Minor NC',
	ofi: 'OFI',
	observation: 'Observation',
	action: 'Action'
} as const satisfies Record<ItemKind, string>;

export const ITEM_SOURCE_LABELS = {
	stage1_audit: 'Stage 1 audit',
	stage2_audit: 'Stage 2 audit',
	surveillance_audit: 'Surveillance audit',
	internal_audit: 'Internal audit',
	management_review: 'Management review',
	incident: 'Incident',
	risk_treatment: 'Risk treatment',
	other: 'Other'
} as const satisfies Record<ItemSource, string>;

export const ITEM_STATUS_LABELS = {
	open: 'Open',
	in_progress: 'In progress',
	awaiting_verification: 'Awaiting verification',
	closed: 'Closed'
} as const satisfies Record<ItemStatus, string>;

export const AWARENESS_STATUS_LABELS = {
	current: 'Current',
	expiring: 'Expiring',
	expired: 'Expired',
	never: 'Never done'
} as const satisfies Record<AwarenessStatus, string>;

export const COURSE_KIND_LABELS = {
	awareness: 'Security awareness',
	other: 'Other training'
} as const satisfies Record<CourseKind, string>;
