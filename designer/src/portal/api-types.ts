import type { FieldAccess, FormDefinition, JsonRecord } from "../forms";

/** The shapes of API.md that the Portal reads. */
export interface Role { role: string; orgUnitId: number; orgName: string }
export interface Me { id: string; userName: string; displayName: string; roles: Role[] }

export interface ServiceSummary {
  id: number; moduleId: string; name: string; description?: string; category?: string; orgUnitId: number; orgName: string; version: string;
}
export interface ServiceDetail extends ServiceSummary { form: unknown }

export interface Person { id?: string; displayName: string }
export interface Assignee { role: string; orgUnitId: number; orgName: string }
export interface TimelineEntry { at: string; activityId: string; title: string; kind: string; by?: string | Person; outcome?: string; detail?: string }
export interface OpenStep { taskId?: number; activityId: string; title: string; kind: string; assignee: Assignee; dueAt?: string; overdue: boolean }
export interface CaseSummary {
  id: number; number: string; serviceId: number; serviceName: string; status: string; applicant: Person; orgName: string;
  createdAt: string; updatedAt: string; currentStep?: string;
}
export interface Case extends CaseSummary {
  data: JsonRecord; form: FormDefinition; timeline: TimelineEntry[]; openSteps: OpenStep[];
  requestInformation?: { message: string; fields?: string[]; taskId?: number }; rowVersion: string | number;
}
export interface TaskSummary {
  id: number; caseId: number; caseNumber: string; serviceName: string; title: string; kind: string; assignee: Assignee;
  applicant: Person; createdAt: string; dueAt?: string; overdue: boolean; rowVersion: string | number;
}
export interface TaskDetail extends TaskSummary {
  outcomes: { id: string; label: string | Record<string, string> }[]; case: Case; fieldPermissions: Record<string, FieldAccess>; form?: FormDefinition;
}
export interface NotificationItem { id: number; caseId?: number; channel: string; template: string; data?: Record<string, unknown>; createdAt: string; read: boolean }
export interface Entitlement { id: number; benefitId: string | number; name: string | Record<string, string>; quota: number; used: number; remaining: number; period?: string }
export interface MemberCard {
  memberNumber: string; displayName: string; orgName: string; status: string; since: string; credential: string; qrSvg: string;
}
export interface Verification {
  valid: boolean; reason?: string; memberNumber?: string; displayName?: string; orgName?: string; status?: string; entitlements?: Entitlement[];
}
export interface OrgNode { id: number; name: string; level?: string; children?: OrgNode[] }
