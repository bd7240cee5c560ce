import type { FieldAccess, FormDefinition, JsonRecord } from "../forms";

/** The shapes of API.md that the Portal reads (as the server branches answer them). */
/** Text the server sends plain or by locale ({"zh-CN": ..., "en": ...}); show it with labelOf. */
export type Text = string | Record<string, string>;
export interface Role { role: string; orgId: number; orgName: string }
export interface Me { id: string; userName: string; displayName: string; roles: Role[] }

export interface ServiceSummary {
  id: number; moduleKey: string; name: Text; description?: Text | null; category?: string | null; orgUnitId: number; orgName: string; version: string;
}
export interface ServiceDetail extends ServiceSummary { form: unknown }

export interface Person { id?: string; displayName: string }
export interface Assignee { role: string; orgUnitId: number; orgName: string }
export interface TimelineEntry { at: string; activityId?: string; title?: string | null; kind: string; by?: string | null; outcome?: string | null; detail?: Record<string, unknown> | null }
export interface OpenStep { taskId?: number | null; activityId: string; title: string; kind: string; assignee?: Assignee | null; dueAt?: string | null; overdue: boolean }
export interface CaseSummary {
  id: number; number: string; serviceId: number; serviceName: Text; status: string; applicant: Person; orgName: string;
  createdAt: string; updatedAt: string; currentStep?: string;
}
export interface Case extends CaseSummary {
  data: JsonRecord; form: FormDefinition; timeline: TimelineEntry[]; openSteps: OpenStep[];
  requestInformation?: { message: string; fields?: string[] } | null; rowVersion: string | number;
}
export interface TaskSummary {
  id: number; caseId: number; caseNumber: string; serviceName: Text; title: string; kind: string; assignee: Assignee;
  applicant: Person; createdAt: string; dueAt?: string; overdue: boolean; rowVersion: string | number;
}
export interface TaskDetail extends TaskSummary {
  outcomes: { id: string; label: Text }[]; case: Case; fieldPermissions: Record<string, FieldAccess>; form?: FormDefinition;
}
export interface NotificationItem { id: number; caseId?: number; channel: string; template: string; data?: Record<string, unknown>; createdAt: string; read: boolean }
export interface Entitlement { id: number; benefitId: string; name: Text; quota: number; used: number; remaining: number; period?: string }
export interface MemberCard {
  memberNumber: string; displayName: string; orgName: string; status: string; since: string; credential: string; expiresAt: string; qrSvg: string;
}
export interface Verification {
  valid: boolean; reason?: string; message?: string; memberNumber?: string; displayName?: string; orgName?: string; status?: string; entitlements?: Entitlement[];
}
export interface OrgNode { id: number; name: string; level?: string; children?: OrgNode[] }
