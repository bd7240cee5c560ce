// Generated from src/api/openapi.json by scripts/openapi-types.mjs: do not edit.
// Refresh both with `npm run api:refresh` (designer/README.md, "API types").

export type AccountAdminView = {
  id: string;
  userName: string;
  displayName: string;
  disabled: boolean;
  roles: AccountRoleView[];
  rolesElsewhere: number;
};

export type AccountPage = {
  items: AccountAdminView[];
  next: null | string;
};

export type AccountRoleView = {
  role: string;
  orgUnitId: number;
  orgName: string;
};

export type AccountView = {
  id: string;
  userName: string;
  displayName: string;
  roles: RoleView[];
};

export type ActivateRequest = {
  orgUnitId: number;
  version?: null | string;
};

export type ActivationView = {
  id: number;
  moduleKey: string;
  orgUnitId: number;
  orgName: string;
  snapshotHash: string;
  version: string;
};

export type ActivityCategory = "flow" | "people" | "data" | "wait" | "integration" | "union";

export type ActivityDescriptor = {
  type: string;
  description: string;
  inputs: InputDescriptor[];
  outcomes: string[];
  category: ActivityCategory;
  label: ActivityLabel;
  needsHost?: null | string;
};

export type ActivityLabel = {
  "zh-CN": string;
  "zh-TW": string;
  en: string;
};

export type AnswerFeedback = {
  questionId: number;
  given: null | JsonNode;
  correct: null | boolean;
  key: null | JsonNode;
  explanation: null | string;
};

export type AnswerRequest = {
  data: JsonObject;
};

export type ApplicantName = {
  displayName: null | string;
};

export type AssigneeView = {
  role: string;
  orgUnitId: number;
  orgName: null | string;
};

export type AttemptView = {
  id: number;
  kind: string;
  trainingId: null | number;
  level: null | number;
  contestId: null | number;
  questions: ParticipantQuestion[];
  answers: AnswerFeedback[];
  startedAt: string;
  deadline: null | string;
  serverNow: string;
  remainingSeconds: null | number;
  finishedAt: null | string;
  score: null | number;
  total: number;
  passed: null | boolean;
  timeUsedMs: number;
};

export type AuditEntryView = {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: null | string;
  orgId: null | number;
  orgName: null | string;
  details: string;
};

export type AuditPage = {
  items: AuditEntryView[];
  next: null | string;
};

export type BankView = {
  id: number;
  name: string;
  orgUnitId: number;
  orgName: string;
  editable: boolean;
  questions: number;
};

export type BenefitName = {
  id: string;
  name: string;
};

export type BucketFigures = {
  bucket: string;
  figures: FigureTotals;
};

export type ByOrgHidden = {
  reason: string;
  until: null | string;
};

export type CardView = {
  memberNumber: string;
  displayName: string;
  orgUnitId: number;
  orgName: string;
  status: MemberStatus;
  since: string;
  credential: string;
  expiresAt: string;
  qrSvg: string;
};

export type CasePage = {
  items: CaseSummaryView[];
  next: null | string;
};

export type CaseSummaryView = {
  id: number;
  number: string;
  serviceId: number;
  moduleKey: string;
  serviceName: null | JsonNode;
  status: string;
  applicant: PersonRef;
  orgUnitId: number;
  orgName: null | string;
  createdAt: string;
  updatedAt: string;
  currentStep: null | string;
};

export type CaseView = {
  id: number;
  number: string;
  serviceId: number;
  moduleKey: string;
  serviceName: null | JsonNode;
  status: string;
  applicant: PersonRef;
  orgUnitId: number;
  orgName: null | string;
  createdAt: string;
  updatedAt: string;
  currentStep: null | string;
  snapshotHash: string;
  data: JsonObject;
  form: JsonObject;
  timeline: TimelineView[];
  openSteps: OpenStepView[];
  requestInformation: null | RequestInformationView;
  rowVersion: number;
};

export type ChannelView = {
  channel: string;
  muted: boolean;
  mutable: boolean;
};

export type ChannelsView = {
  channels: ChannelView[];
};

export type ClaimView = {
  by: PersonRef;
  at: string;
};

export type CodeRequest = {
  mobile: string;
  orgUnitId?: null | number;
};

export type CompleteRequest = {
  outcome: string;
  data?: null | JsonObject;
  comment?: null | string;
  rowVersion?: null | number;
};

export type ContestMonitorView = {
  contestId: number;
  title: string;
  orgUnitId: number;
  orgName: string;
  opensAt: string;
  closesAt: string;
  open: boolean;
  serverNow: string;
  participants: number;
  attempts: number;
  openAttempts: number;
  answers: number;
  minutes: number;
  recentAnswers: number;
  recentlyStarted: number;
  recentlyFinished: number;
  topPeople: LeaderboardLine[];
  topUnions: LeaderboardLine[];
};

export type ContestView = {
  id: number;
  title: string;
  orgUnitId: number;
  orgName: string;
  topic: null | string;
  questions: number;
  opensAt: string;
  closesAt: string;
  durationSeconds: number;
  attemptsAllowed: number;
  placePoints: number[];
  open: boolean;
  serverNow: string;
  attemptsUsed: number;
  openAttemptId: null | number;
  settledAt: null | string;
};

export type CreateAccountRequest = {
  userName?: null | string;
  displayName?: null | string;
  password?: null | string;
  roles?: null | GrantRequest[];
};

export type CreateBankRequest = {
  orgUnitId?: number;
  name?: null | string;
};

export type CreateContestRequest = {
  orgUnitId?: number;
  title?: null | string;
  topic?: null | string;
  questions?: number;
  opensAt?: null | string;
  closesAt?: null | string;
  durationSeconds?: number;
  attemptsAllowed?: number;
  placePoints?: null | number[];
};

export type CreateModuleRequest = {
  moduleKey?: null | string;
  name?: unknown;
  category?: null | string;
  ownerOrgId?: null | number;
  fromModuleId?: null | number;
  fromVersion?: null | string;
};

export type CreateOrgRequest = {
  parentId?: null | number;
  name?: null | string;
  level?: null | string;
};

export type CreateTrainingRequest = {
  orgUnitId?: number;
  title?: null | string;
  levels?: null | LevelSettings[];
};

export type DataRequest = {
  data: JsonObject;
};

export type DeadlineCounts = {
  met: number;
  missed: number;
};

export type DelegationRequest = {
  toAccountId: null | string;
  from: null | string;
  until: null | string;
};

export type DelegationView = {
  given: null | DelegationWindow;
  standingInFor: DelegationWindow[];
};

export type DelegationWindow = {
  person: PersonRef;
  from: string;
  until: string;
  active: boolean;
};

export type DeliveryPage = {
  items: DeliveryView[];
  next: null | string;
};

export type DeliveryView = {
  id: number;
  channel: string;
  status: string;
  via: null | string;
  to: string;
  template: string;
  title: string;
  body: null | string;
  attempts: number;
  lastError: null | string;
  createdAt: string;
  nextAttemptAt: null | string;
  sentAt: null | string;
  failedAt: null | string;
};

export type DeriveRequest = {
  orgUnitId: number;
  moduleKey?: null | string;
  name?: unknown;
};

export type DistrictFacet = {
  id: number;
  name: string;
};

export type DuplicateModuleRequest = {
  moduleKey?: null | string;
  name?: unknown;
  ownerOrgId?: null | number;
};

export type ElsaRequest = {
  json: JsonNode;
};

export type EntitlementView = {
  id: number;
  benefitId: string;
  name: string;
  quota: number;
  used: number;
  remaining: number;
  period: QuotaPeriod;
  currentPeriod: string;
};

export type ExpressionRequest = {
  expression: string;
  fields?: null | string[];
  kind?: null | string;
};

export type FailedEffectPage = {
  items: FailedEffectView[];
  next: null | string;
};

export type FailedEffectView = {
  id: number;
  caseId: number;
  caseNumber: string;
  kind: string;
  key: string;
  attempts: number;
  lastError: null | string;
  failedAt: string;
};

export type FeedItemView = {
  id: number;
  kind: string;
  title: string;
  summary: string;
  coverFileId: null | string;
  phone: null | string;
  tags: string[];
  pinned: boolean;
  publishAt: null | string;
  expiresAt: null | string;
  orgId: number;
  orgName: string;
  status: string;
};

export type FeedPage = {
  items: FeedItemView[];
  next: null | string;
};

export type FieldResult = {
  key: string;
  type: string;
  label: null | {
  [key: string]: string;
};
  answered: number;
  options: null | OptionCount[];
  mean: null | number;
  min: null | number;
  max: null | number;
  median: null | number;
  texts: null | string[];
};

export type Fields = {
  userName: string;
  password: string;
  returnUrl: null | string;
};

export type FigureBreakdown = {
  org: FigureOrg;
  parent: null | FigureOrg;
  from: string;
  to: string;
  totals: FigureTotals;
  direct: FigureTotals;
  children: OrgFigures[];
  redemptionsByBenefit: KeyedCount[];
  redemptionsByMerchant: KeyedCount[];
  participantsByService: KeyedCount[];
  casesByStatus: KeyedCount[];
};

export type FigureComparison = {
  org: FigureOrg;
  current: PeriodFigures;
  other: PeriodFigures;
  change: {
  [key: string]: null | number;
};
};

export type FigureModules = {
  org: FigureOrg;
  from: string;
  to: string;
  modules: ModuleFigures[];
};

export type FigureOrg = {
  id: number;
  name: string;
  level: string;
  hasChildren: boolean;
};

export type FigureRanking = {
  org: FigureOrg;
  level: string;
  sort: string;
  order: string;
  total: number;
  offset: number;
  rows: OrgFigures[];
};

export type FigureTotals = {
  received: number;
  finished: number;
  rejected: number;
  onTime: number;
  late: number;
  onTimeRate: null | number;
  handlingMedianHours: null | number;
  handlingP90Hours: null | number;
  escalated: number;
  offline: number;
  membersJoined: number;
  membersActive: number;
  redemptions: number;
  points: number;
  participants: number;
};

export type FigureTrend = {
  org: FigureOrg;
  grain: string;
  buckets: BucketFigures[];
};

export type FileView = {
  id: string;
  name: string;
  size: number;
  contentType: string;
};

export type FormDraftRequest = {
  data: JsonObject;
};

export type FormDraftView = {
  data: JsonObject;
  savedAt: string;
};

export type GrantRequest = {
  role?: null | string;
  orgUnitId?: null | number;
};

export type HallSignIn = {
  account: AccountView;
  services: ServiceView[];
};

export type HandDownRequest = {
  orgUnitId: null | number;
  reason: null | string;
  deadline: null | string;
};

export type ImportMembersRequest = {
  fileId?: null | string;
  dryRun?: boolean;
};

export type ImportMerchantsRequest = {
  fileId?: null | string;
  dryRun?: boolean;
};

export type ImportOrgsRequest = {
  fileId?: null | string;
  dryRun?: boolean;
};

export type ImportQuestionsRequest = {
  fileId?: null | string;
  dryRun?: boolean;
};

export type ImportRowError = {
  row: number;
  column: string;
  reason: string;
};

export type ImportView = {
  dryRun: boolean;
  rows: number;
  created: number;
  errors: ImportRowError[];
};

export type InputDescriptor = {
  name: string;
  kind: InputKind;
  required?: boolean;
  description?: null | string;
  literalOnly?: boolean;
  default?: null | JsonNode;
};

export type InputKind = "any" | "string" | "number" | "integer" | "boolean" | "object" | "array" | "script";

export type JsonArray = unknown[];

export type JsonNode = unknown;

export type JsonObject = { [key: string]: unknown };

export type KeyedCount = {
  key: string;
  name: string;
  count: number;
};

export type LeaderboardLine = {
  rank: number;
  accountId: null | string;
  name: string;
  orgUnitId: number;
  orgName: string;
  score: number;
  timeUsedMs: number;
  participants: number;
};

export type LeaderboardView = {
  contestId: number;
  by: string;
  scopeOrgUnitId: number;
  lines: LeaderboardLine[];
  me: null | LeaderboardLine;
};

export type LevelSettings = {
  title?: null | string;
  topic?: null | string;
  difficulty?: null | number;
  questions?: number;
  passPercent?: number;
};

export type LevelView = {
  number: number;
  title: string;
  topic: null | string;
  difficulty: null | number;
  questions: number;
  passPercent: number;
  unlocked: boolean;
  passed: boolean;
  bestScore: null | number;
};

export type LoginRequest = {
  userName: string;
  password: string;
};

export type ManagedMerchantPage = {
  items: MerchantView[];
  next: null | string;
};

export type MemberStatus = "active" | "suspended" | null;

export type MerchantFacets = {
  categories: string[];
  districts: DistrictFacet[];
};

export type MerchantListing = {
  id: number;
  name: string;
  category: string;
  address: null | string;
  districtId: number;
  districtName: string;
  discount: null | string;
  benefits: BenefitName[];
  activeUntil: null | string;
  contactPhone: null | string;
};

export type MerchantPage = {
  items: MerchantListing[];
  next: null | string;
};

export type MerchantRequest = {
  code?: null | string;
  name?: null | string;
  category?: null | string;
  address?: null | string;
  districtId?: null | number;
  discount?: null | string;
  benefits?: null | string[];
  activeFrom?: null | string;
  activeUntil?: null | string;
  contactName?: null | string;
  contactPhone?: null | string;
  accounts?: null | string[];
};

export type MerchantView = {
  id: number;
  code: string;
  name: string;
  category: string;
  address: null | string;
  districtId: number;
  districtName: string;
  discount: null | string;
  benefits: string[];
  activeFrom: null | string;
  activeUntil: null | string;
  active: boolean;
  deactivatedAt: null | string;
  contactName: null | string;
  contactPhone: null | string;
  accounts: string[];
};

export type MigrationRequest = {
  fromVersion: string;
  toVersion: string;
  plan?: null | JsonObject;
};

export type ModuleCount = {
  moduleKey: string;
  name: string;
  count: number;
};

export type ModuleDetailView = {
  module: ModuleSummaryView;
  versions: ModuleVersionView[];
};

export type ModuleFigures = {
  moduleKey: string;
  name: string;
  figures: FigureTotals;
};

export type ModuleSettingsRequest = {
  autoUpgrade: boolean;
};

export type ModuleSummaryView = {
  id: number;
  name: JsonNode;
  key: string;
  category: string;
  ownerOrgId: number;
  ownerOrgName: string;
  level: string;
  kind: string;
  parentModuleId: null | number;
  latestVersion: null | string;
  draft: boolean;
  upgradeAvailable: boolean;
  autoUpgrade: boolean;
  archived: boolean;
};

export type ModuleVersionView = {
  version: string;
  hash: string;
  publishedAt: string;
  publishedBy: string;
  runningCases: number;
};

export type MonitoredContest = {
  id: number;
  title: string;
  orgUnitId: number;
  orgName: string;
  opensAt: string;
  closesAt: string;
  open: boolean;
  settledAt: null | string;
};

export type MonthCount = {
  month: string;
  count: number;
};

export type MuteRequest = {
  muted: string[];
};

export type MyRedemption = {
  id: number;
  at: string;
  benefitId: string;
  benefitName: string;
  merchant: null | string;
  period: string;
};

export type MyRedemptionPage = {
  items: MyRedemption[];
  next: null | string;
};

export type NotificationPage = {
  items: NotificationView[];
  next: null | string;
};

export type NotificationView = {
  id: number;
  caseId: null | number;
  channel: string;
  template: string;
  title: string;
  body: string;
  data: null | JsonNode;
  createdAt: string;
  read: boolean;
};

export type OpenStepView = {
  taskId: null | number;
  activityId: string;
  title: string;
  kind: string;
  assignee: null | AssigneeView;
  dueAt: null | string;
  overdue: boolean;
};

export type OptionCount = {
  value: string;
  label: null | {
  [key: string]: string;
};
  count: number;
};

export type OrgFigures = {
  org: FigureOrg;
  figures: FigureTotals;
};

export type OrgImportError = {
  row: number;
  column: string;
  reason: string;
};

export type OrgImportView = {
  dryRun: boolean;
  rows: number;
  created: number;
  errors: OrgImportError[];
};

export type OrgLevel = "national" | "province" | "city" | "district" | "street" | "grassroots";

export type OrgNode = {
  id: number;
  name: string;
  level: OrgLevel;
  parentId: null | number;
  path: string;
  archived: boolean;
  children: OrgNode[];
};

export type OrgResult = {
  orgId: number;
  name: string;
  suppressed: boolean;
  responses: null | number;
  fields: null | FieldResult[];
};

export type OrgUnitView = {
  id: number;
  name: string;
  level: OrgLevel;
  parentId: null | number;
  path: string;
  archivedAt: null | string;
};

export type OutcomeView = {
  id: string;
  label: JsonObject;
};

export type OverlayRequest = {
  operations: JsonArray;
};

export type ParticipantQuestion = {
  id: number;
  type: string;
  text: string;
  options: QuestionOption[];
  imageFileId: null | string;
};

export type PeriodFigures = {
  from: string;
  to: string;
  figures: FigureTotals;
};

export type PersonPage = {
  items: PersonRef[];
  next: null | string;
};

export type PersonRef = {
  id: string;
  displayName: string;
};

export type PointsLine = {
  id: number;
  points: number;
  reason: string;
  kind: string;
  capped: boolean;
  caseId: null | number;
  awardedAt: string;
};

export type PointsView = {
  balance: number;
  items: PointsLine[];
  next: null | string;
};

export type ProblemDetails = {
  type?: null | string;
  title?: null | string;
  status?: null | number;
  detail?: null | string;
  instance?: null | string;
};

export type PublicJwk = {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
  alg: string;
  use: string;
};

export type PublicKeyView = {
  algorithm: string;
  keyId: string;
  publicKeyPem: string;
  jwk: PublicJwk;
};

export type PublicOrg = {
  id: number;
  name: string;
  parentId: null | number;
  level: OrgLevel;
};

export type PublicationFileView = {
  id: string;
  use: string;
  name: string;
  contentType: string;
  size: number;
};

export type PublicationInput = {
  kind: string;
  title: string;
  orgId: number;
  summary?: null | string;
  body?: null | string;
  coverFileId?: null | string;
  attachments?: null | string[];
  qrFileId?: null | string;
  phone?: null | string;
  tags?: null | string[];
  pinned?: null | boolean;
  publishAt?: null | string;
  expiresAt?: null | string;
};

export type PublicationView = {
  id: number;
  kind: string;
  title: string;
  summary: string;
  body: string;
  coverFileId: null | string;
  qrFileId: null | string;
  phone: null | string;
  attachments: PublicationFileView[];
  tags: string[];
  pinned: boolean;
  publishAt: null | string;
  expiresAt: null | string;
  orgId: number;
  orgName: string;
  status: string;
  mayEdit: boolean;
  uniqueReaders: null | number;
  reads: null | number;
  sourceCaseId: null | number;
  sourceModuleKey: null | string;
};

export type QuestionEditView = {
  id: number;
  type: string;
  topic: string;
  difficulty: number;
  text: string;
  options: QuestionOption[];
  answer: null | JsonNode;
  explanation: null | string;
  imageFileId: null | string;
  proposedBy?: null | string;
};

export type QuestionInput = {
  type?: null | string;
  topic?: null | string;
  difficulty?: null | number;
  text?: null | string;
  options?: null | string[];
  answer?: unknown;
  explanation?: null | string;
  imageFileId?: null | string;
};

export type QuestionOption = {
  value: string;
  label: string;
};

export type QuotaPeriod = "year";

export type ReassignRequest = {
  accountId: string;
};

export type RedemptionPage = {
  merchant: string;
  items: RedemptionRecord[];
  next: null | string;
};

export type RedemptionRecord = {
  id: number;
  at: string;
  benefitId: string;
  benefitName: string;
  memberNumber: string;
  recordedBy: string;
  note: null | string;
};

export type RedemptionRequest = {
  credential: string;
  entitlementId?: null | number;
  benefitId?: null | string;
  note?: null | string;
};

export type RedemptionView = {
  id: number;
  entitlement: EntitlementView;
  at: string;
  note: null | string;
};

export type ReportColumn = {
  key: string;
  title: string;
};

export type ReportDefinition = {
  name?: null | string;
  measures?: null | string[];
  dimensions?: null | string[];
  orgLevel?: null | string;
  orgUnitId?: null | number;
  moduleKey?: null | string;
  from?: null | string;
  to?: null | string;
  period?: null | string;
  schedule?: null | ReportSchedule;
};

export type ReportRow = {
  labels: string[];
  values: (null | number)[];
};

export type ReportSchedule = {
  every: string;
  day: number;
  hour: number;
};

export type ReportTable = {
  name: string;
  scope: FigureOrg[];
  from: string;
  to: string;
  moduleKey: null | string;
  columns: ReportColumn[];
  rows: ReportRow[];
  totals: (null | number)[];
};

export type Request = {
  mobile: string;
  code: string;
  displayName: string;
  password: string;
  orgUnitId: number;
};

export type RequestInformationView = {
  message: string;
  fields: string[];
  bookmarkId: string;
};

export type ResetLinkView = {
  link: string;
  expiresAt: string;
};

export type ResetRequest = {
  accountId?: null | string;
  token?: null | string;
  newPassword?: null | string;
};

export type ResolveConflictRequest = {
  conflictId: string;
  choice: string;
  value?: unknown;
};

export type ResponseAnonymity = "named" | "anonymousToHandlers" | "secretBallot";

export type ResponseFacts = {
  window: WindowState;
  opensAt: null | string;
  closesAt: null | string;
  limit: ResponseLimit;
  anonymity: ResponseAnonymity;
  period: null | string;
  answered: boolean;
  resultsVisible: boolean;
};

export type ResponseLimit = "unlimited" | "once" | "day" | "week" | "month" | "year";

export type ResponseReceipt = {
  serviceId: number;
  period: null | string;
  resultsVisible: boolean;
};

export type ResultsView = {
  serviceId: number;
  responses: number;
  fields: FieldResult[];
  byOrg: OrgResult[];
  byOrgHidden: null | ByOrgHidden;
  turnout: null | Turnout;
};

export type RevealRequest = {
  fields: string[];
  reason?: null | string;
};

export type RevealView = {
  caseId: number;
  values: JsonObject;
};

export type RoleView = {
  role: string;
  orgId: number;
  orgName: string;
  orgLevel: OrgLevel;
  orgPath: string;
};

export type SavedReportView = {
  id: number;
  name: string;
  measures: string[];
  dimensions: string[];
  orgLevel: string;
  orgUnitId: null | number;
  moduleKey: null | string;
  from: null | string;
  to: null | string;
  period: null | string;
  schedule: null | ReportSchedule;
  nextDueAt: null | string;
  createdAt: string;
  updatedAt: string;
};

export type SavedView = {
  savedAt: string;
};

export type ServiceDetailView = {
  id: number;
  moduleKey: string;
  name: null | JsonNode;
  description: null | JsonNode;
  category: null | string;
  orgUnitId: number;
  orgName: string;
  snapshotHash: string;
  version: string;
  submissions: string;
  form: JsonObject;
  schema: JsonObject;
  responses: null | ResponseFacts;
};

export type ServiceView = {
  id: number;
  moduleKey: string;
  name: null | JsonNode;
  description: null | JsonNode;
  category: null | string;
  orgUnitId: number;
  orgName: string;
  snapshotHash: string;
  version: string;
  submissions: string;
};

export type SetRolesRequest = {
  roles?: null | GrantRequest[];
};

export type SettlementView = {
  contestId: number;
  settledAt: string;
  awarded: LeaderboardLine[];
  publicationId: null | number;
};

export type SignInProvider = {
  id: string;
  displayName: string;
  method: string;
  loginUrl: string;
};

export type StatsReport = {
  byModule: ModuleCount[];
  byStatus: StatusCount[];
  byMonth: MonthCount[];
  deadlinesMet: DeadlineCounts;
  membersJoined: MonthCount[];
};

export type StatusCount = {
  status: string;
  count: number;
};

export type Target = {
  id: number;
  name: string;
  level: string;
};

export type TaskCompletionView = {
  task: TaskView;
  case: CaseView;
};

export type TaskDetailView = {
  id: number;
  caseId: number;
  caseNumber: string;
  serviceName: null | JsonNode;
  activityId: string;
  title: string;
  kind: string;
  assignee: AssigneeView;
  applicant: ApplicantName;
  createdAt: string;
  dueAt: null | string;
  overdue: boolean;
  rowVersion: number;
  completedAt: null | string;
  completedBy: null | string;
  outcome: null | string;
  claim: null | ClaimView;
  outcomes: OutcomeView[];
  fieldPermissions: JsonObject;
  form: JsonObject;
  case: CaseView;
};

export type TaskPage = {
  items: TaskView[];
  next: null | string;
};

export type TaskView = {
  id: number;
  caseId: number;
  caseNumber: string;
  serviceName: null | JsonNode;
  activityId: string;
  title: string;
  kind: string;
  assignee: AssigneeView;
  applicant: ApplicantName;
  createdAt: string;
  dueAt: null | string;
  overdue: boolean;
  rowVersion: number;
  completedAt: null | string;
  completedBy: null | string;
  outcome: null | string;
  claim: null | ClaimView;
};

export type TestRunRequest = {
  data?: null | JsonObject;
  outcomes?: null | {
  [key: string]: string;
};
  orgUnitId?: null | number;
  fillMissing?: boolean;
};

export type TimelineView = {
  at: string;
  activityId: null | string;
  title: null | string;
  kind: string;
  by: null | string;
  outcome: null | string;
  detail: null | JsonObject;
};

export type TokenResponse = {
  accessToken: string;
  expiresAt: string;
  account: AccountView;
};

export type TrainingView = {
  id: number;
  title: string;
  orgUnitId: number;
  orgName: string;
  levels: LevelView[];
};

export type Turnout = {
  participants: number;
  eligible: number;
  rate: number;
};

export type UpdateOrgRequest = {
  name?: null | string;
  parentId?: null | number;
};

export type VerifyRequest = {
  credential: string;
};

export type VerifyView = {
  valid: boolean;
  reason: null | string;
  message: null | string;
  memberNumber: null | string;
  displayName: null | string;
  orgName: null | string;
  status: null | MemberStatus;
  expiresAt: null | string;
  entitlements: null | EntitlementView[];
};

export type WindowState = "notYetOpen" | "open" | "closed";

export type WorkflowRequest = {
  workflow: JsonNode;
};
