import type {
  AccountView, AssigneeView, HallSignIn as HallSignInView, FeedItemView, FeedPage as FeedPageView, PublicationView, CardView, CaseSummaryView, CaseView, EntitlementView, NotificationView, OpenStepView, OrgNode as OrgNodeView,
  PersonRef, PersonPage as PersonPageView, CasePage as CasePageView, TaskPage as TaskPageView, DelegationView, PointsView, ResponseReceipt, ResultsView, RoleView, ServiceDetailView, ServiceView, TaskDetailView, TaskView, TimelineView, VerifyView,
} from "../api/openapi-types";
import type { Refine, Text } from "../api/refine";
import type { FieldAccess, FormDefinition, JsonRecord } from "../forms";

/** The API shapes the Portal reads: generated from the OpenAPI document, with texts and forms narrowed. */
export type { Text };
export type Role = RoleView;
export type Me = AccountView;
export type ServiceSummary = Refine<ServiceView, { name: Text; description: Text | null }>;
/** POST /api/auth/login/hall: the account signed in, and its hall's services. */
export type HallSignIn = Refine<HallSignInView, { services: ServiceSummary[] }>;
export type ServiceDetail = Refine<ServiceDetailView, { name: Text; description: Text | null }>;
export type Person = PersonRef;
export type Assignee = AssigneeView;
export type TimelineEntry = TimelineView;
export type OpenStep = OpenStepView;
export type CaseSummary = Refine<CaseSummaryView, { serviceName: Text }>;
export type Case = Refine<CaseView, { serviceName: Text; data: JsonRecord; form: FormDefinition }>;
export type TaskSummary = Refine<TaskView, { serviceName: Text }>;
export type TaskDetail = Refine<TaskDetailView, {
  serviceName: Text; outcomes: { id: string; label: Text }[]; case: Case; fieldPermissions: Record<string, FieldAccess>; form: FormDefinition | null;
}>;
export type NotificationItem = Refine<NotificationView, { data: Record<string, unknown> | null }>;
export type Entitlement = EntitlementView;
export type MemberCard = CardView;
export type Points = PointsView;
export type Verification = VerifyView;
export type OrgNode = OrgNodeView;
export type FeedItem = FeedItemView;
export type FeedPage = FeedPageView;
export type FeedItemDetail = PublicationView;
export type Receipt = ResponseReceipt;
export type Results = ResultsView;
export type PersonPage = PersonPageView;
export type CasePage = CasePageView;
export type TaskPage = TaskPageView;
export type Delegation = DelegationView;

export type {
  AnswerFeedback, AttemptView as Attempt, ContestView as Contest, LeaderboardLine, LeaderboardView as Leaderboard, LevelView as Level,
  ParticipantQuestion as Question, TrainingView as Training,
} from "../api/openapi-types";
