import type { Locale } from "../forms";

/** The Portal's words. Simplified Chinese is the default; Traditional and English are switchable. */
const words = {
  appName: ["工会服务", "工會服務", "Union services"],
  signIn: ["登录", "登入", "Sign in"], signOut: ["退出登录", "登出", "Sign out"],
  userName: ["账号", "帳號", "Account"], password: ["密码", "密碼", "Password"],
  signInFailed: ["账号或密码不正确", "帳號或密碼不正確", "The account or password is wrong"],
  or: ["或", "或", "or"], signInWith: ["使用{0}登录", "使用{0}登入", "Sign in with {0}"],
  unionNoAccount: ["统一登录已确认您的身份，但没有对应的账号。请联系工会管理员开通，或用用户名和密码登录。", "統一登入已確認您的身分，但沒有對應的帳號。請聯絡工會管理員開通，或用使用者名稱和密碼登入。",
    "The union login confirmed who you are, but no account matches it. Ask your union's administrator for one, or sign in with your user name and password."],
  unionFailed: ["统一登录没有完成。请重试，或用用户名和密码登录。", "統一登入沒有完成。請重試，或用使用者名稱和密碼登入。", "The union login did not complete. Try again, or sign in with your user name and password."],
  hall: ["服务大厅", "服務大廳", "Services"], myCases: ["我的办件", "我的辦件", "My cases"],
  card: ["会员卡", "會員卡", "Member card"], notifications: ["消息", "訊息", "Messages"], inbox: ["待办", "待辦", "Inbox"],
  merchant: ["核验", "核驗", "Verify"], me: ["我的", "我的", "Me"],
  noServices: ["暂无可办理的服务", "暫無可辦理的服務", "No services for you yet"], other: ["其他", "其他", "Other"],
  draftSaved: ["草稿已保存 {0}", "草稿已儲存 {0}", "Draft saved {0}"], draftSaving: ["正在保存草稿…", "正在儲存草稿…", "Saving the draft…"],
  draftFailed: ["草稿未能保存：{0}", "草稿未能儲存：{0}", "The draft was not saved: {0}"],
  draftRestored: ["已恢复您在 {0} 保存的草稿", "已恢復您在 {0} 儲存的草稿", "Restored your draft saved {0}"],
  submitted: ["已提交，办件号 {0}", "已提交，辦件號 {0}", "Submitted: case {0}"],
  submitFailed: ["提交未成功：{0}", "提交未成功：{0}", "Not submitted: {0}"],
  fixBelow: ["请按下方提示修改后再提交", "請按下方提示修改後再提交", "Please correct the fields marked below"],
  noCases: ["还没有办件", "還沒有辦件", "No cases yet"], status: ["状态", "狀態", "Status"],
  running: ["办理中", "辦理中", "In progress"], waitingForApplicant: ["待补充材料", "待補充材料", "Waiting for you"],
  finished: ["已办结", "已辦結", "Finished"], rejected: ["未通过", "未通過", "Rejected"], faulted: ["处理异常", "處理異常", "Problem"],
  timeline: ["办理进度", "辦理進度", "Progress"], currentSteps: ["当前环节", "目前環節", "Now with"],
  heldBy: ["经办：{0}（{1}）", "經辦：{0}（{1}）", "Held by {0} ({1})"], due: ["期限 {0}", "期限 {0}", "Due {0}"], overdue: ["已超期", "已逾期", "Overdue"],
  requestInfo: ["需要补充信息", "需要補充資訊", "More information needed"], resubmit: ["重新提交", "重新提交", "Send again"],
  resubmitted: ["已重新提交", "已重新提交", "Sent again"],
  noNotifications: ["暂无消息", "暫無訊息", "No messages"], markRead: ["标为已读", "標為已讀", "Mark read"], unread: ["未读", "未讀", "Unread"],
  notMember: ["您还不是会员：入会申请通过后，会员卡会出现在这里", "您還不是會員：入會申請通過後，會員卡會出現在這裡", "You are not a member yet: your card appears here once your application is approved"],
  memberNumber: ["会员号", "會員號", "Member number"], since: ["入会时间", "入會時間", "Member since"],
  cardRefresh: ["二维码会自动更新，请勿截图转发", "二維碼會自動更新，請勿截圖轉發", "The QR code refreshes itself; screenshots expire"],
  active: ["有效", "有效", "Active"], suspended: ["已暂停", "已暫停", "Suspended"],
  benefits: ["会员权益", "會員權益", "Benefits"], remaining: ["剩余 {0}/{1}", "剩餘 {0}/{1}", "{0} of {1} left"],
  noTasks: ["没有待办事项", "沒有待辦事項", "Nothing to do"], applicant: ["申请人", "申請人", "Applicant"],
  comment: ["意见", "意見", "Comment"], done: ["已处理", "已處理", "Done"],
  scan: ["扫码", "掃碼", "Scan"], stopScan: ["停止扫码", "停止掃碼", "Stop scanning"], pasteCode: ["或粘贴会员码", "或貼上會員碼", "Or paste the member code"],
  verify: ["核验", "核驗", "Verify"], valid: ["会员身份有效", "會員身分有效", "Valid membership"], invalid: ["会员码无效：{0}", "會員碼無效：{0}", "Not valid: {0}"],
  redeem: ["核销一次", "核銷一次", "Record a use"], redeemed: ["已核销：{0}，剩余 {1} 次", "已核銷：{0}，剩餘 {1} 次", "Recorded: {0}, {1} left"],
  quotaExhausted: ["本期次数已用完，不能再核销：{0}", "本期次數已用完，不能再核銷：{0}", "The quota is used up, nothing recorded: {0}"],
  cameraUnavailable: ["无法使用摄像头：{0}。请粘贴会员码。", "無法使用攝影機：{0}。請貼上會員碼。", "The camera is not available: {0}. Paste the code instead."],
  language: ["语言", "語言", "Language"], elder: ["长辈模式（大字、高对比度）", "長輩模式（大字、高對比）", "Large text, high contrast"],
  elderNote: ["此设置保存在本设备上，按账号记住", "此設定保存在本裝置上，按帳號記住", "Kept on this device, per account"],
  loading: ["加载中…", "載入中…", "Loading…"], retry: ["重试", "重試", "Retry"], back: ["返回", "返回", "Back"],
  membership: ["入会", "入會", "Membership"], benefitsCategory: ["会员权益", "會員權益", "Member benefits"], legal: ["法律服务", "法律服務", "Legal help"],
  noAccess: ["您的账号不能使用此页面", "您的帳號不能使用此頁面", "Your account cannot use this page"],
} as const;

export type Word = keyof typeof words;
const index: Record<Locale, number> = { "zh-CN": 0, "zh-TW": 1, en: 2 };

export function say(locale: Locale, word: Word, ...args: (string | number)[]): string {
  return args.reduce<string>((text, arg, i) => text.replace(`{${i}}`, String(arg)), words[word][index[locale]]);
}

export const localeNames: Record<Locale, string> = { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" };

/** Times as people read them, in the union's time zone. */
export function when(locale: Locale, iso: string | undefined): string {
  if (!iso) return "";
  return new Date(iso).toLocaleString(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" });
}

/** A label the server sends either as text or as {locale: text}. */
export function labelOf(label: string | Record<string, string> | null | undefined, locale: Locale): string {
  if (label === undefined || label === null) return "";
  return typeof label === "string" ? label : label[locale] ?? label["zh-CN"] ?? Object.values(label)[0] ?? "";
}
