// The console's two languages. Every visible string goes through t(); a key missing from a
// language is recorded in window.__missingTranslations (the browser tests assert it stays empty).

const en = {
  appName: "Aftercare Service Desk", signIn: "Sign in", signOut: "Sign out", signInTitle: "Sign in to the service desk",
  signInLocal: "Local stack: choose a seeded staff member. On AWS this is the Cognito hosted UI.",
  signInCognito: "Continue with your company account", signingIn: "Signing in…", language: "Language",
  role_agent: "Agent", role_warehouse: "Warehouse", role_supervisor: "Supervisor",
  nav_tickets: "Tickets", nav_cases: "After-sales", nav_refunds: "Refunds", nav_orders: "Orders", nav_kpis: "KPIs",
  shortcuts: "Shortcuts", shortcutsHelp: "Alt+1…5 switch screens · j / k move in a queue · Enter opens · / filters · Esc closes · Ctrl+Enter sends",
  loading: "Loading…", refresh: "Refresh", empty: "Nothing here: the queue is clear.", selectSomething: "Select an item from the queue.",
  status: "Status", assignee: "Assignee", anyone: "Anyone", me: "Me", all: "All", filter: "Filter",
  due: "Due", breached: "Breached", nearBreach: "Due soon", priority: "Priority", category: "Category", sentiment: "Sentiment",
  customer: "Customer", order: "Order", subject: "Subject", channel: "Channel", created: "Created", updated: "Updated",
  assignToMe: "Assign to me", assigned: "Assigned to you", reply: "Reply", send: "Send reply", template: "Template",
  noTemplate: "Free text", placeholders: "Placeholders", preview: "Preview", message: "Message",
  pending: "Set pending", pendingDone: "Waiting on the customer", solve: "Solve", solved: "Solved", resolution: "Resolution",
  outcome: "Mediation outcome", escalate: "Escalate", escalated: "Escalated", reason: "Reason", note: "Note",
  firstResponseDue: "First response due", resolutionDue: "Resolution due", thread: "Conversation", history: "Customer history",
  profile: "Profile", tier: "Tier", points: "Points", orders: "Orders", cases: "Cases", tickets: "Tickets", surveys: "Surveys",
  noHistory: "No earlier contact.", replied: "Reply sent", timeline: "Timeline", breaches: "SLA breaches",
  case: "Case", type: "Type", items: "Items", evidence: "Evidence", noEvidence: "No photos.", deadlines: "Deadlines",
  nextDeadline: "Next deadline", returnShipment: "Return parcel", tracking: "Tracking", noTracking: "No courier events yet.",
  approve: "Approve", reject: "Reject", receive: "Receive", inspect: "Inspect", inspectPass: "Pass", inspectFail: "Fail",
  notes: "Notes", repairProgress: "Repair progress", stage: "Stage", carrier: "Carrier", trackingNumber: "Tracking number",
  resolveDispute: "Resolve dispute", decision: "Decision", FOR_CUSTOMER: "For the customer", FOR_MERCHANT: "For the merchant",
  dispute: "Dispute", inspection: "Inspection", repair: "Repair", refund: "Refund", merchantFault: "Merchant at fault",
  done: "Done", quantity: "Qty", unitPrice: "Unit price", sku: "SKU", name: "Name",
  refunds: "Refunds", amount: "Amount", source: "Source", flagged: "Flagged", steps: "Steps", decisionNote: "Note for the record",
  refundApproved: "Refund approved", refundRejected: "Refund rejected",
  settle: "Settle the manual review", settleHelp: "The pay-out failed and the workflow handed the refund to people. Read the failed step's cause, then settle it one way.",
  retryPayout: "Retry the pay-out", retryHelp: "Asks the provider about the last pay-out first, then pays again under a new key.",
  payoutRetried: "Pay-out retried", refundedOutside: "Refunded outside Aftercare", outsideHelp: "The money went back by other means (a bank transfer, a voucher): where to find it.",
  reference: "Reference", recordOutside: "Record as refunded", outsideRecorded: "Recorded as refunded outside",
  rejectRefund: "Reject the refund", rejectHelp: "Nothing is paid; the order's reserved amount is released.",
  cause: "Cause", optional: "{label} (optional)",
  lookup: "Look up", orderLookup: "Order lookup", orderIdOrCustomer: "Order id (ord_…) or customer id (cus_…)",
  byStatus: "Orders by status", total: "Total", paid: "Paid", shipping: "Shipping", address: "Address", payment: "Payment",
  exception: "Exception", raiseException: "Raise exception", resolveException: "Resolve exception", kind: "Kind",
  proposal: "Proposal", shipments: "Shipments", estimatedDelivery: "Estimated delivery", noShipments: "No shipments yet.",
  kpis: "Service KPIs", from: "From", to: "To", show: "Show", ordersPlaced: "Orders placed", delivered: "Delivered",
  onTime: "On-time delivery", exceptionRate: "Logistics exceptions", ticketsOpened: "Tickets opened", ticketsSolved: "Tickets solved",
  slaBreaches: "SLA breaches", csat: "CSAT", nps: "NPS", returnRate: "Return rate", refundsSucceeded: "Refunds paid",
  firstResponse: "First response", medianP90: "median · p90", chartOrders: "Orders per day (placed / delivered)",
  chartOnTime: "On-time delivery per day", chartTickets: "Tickets opened and complaints per day",
  chartCsat: "CSAT answers by score", chartFirstResponse: "Ticket first response time", agents: "Agents",
  agent: "Agent", replies: "Replies", assignedCount: "Assigned", answers: "answers", n: "n", placedLegend: "placed", deliveredLegend: "delivered",
  openedLegend: "opened", complaintsLegend: "complaints", failed: "Request failed", networkError: "The API could not be reached",
  fieldErrors: "Fields", dismiss: "Dismiss", forbiddenScreen: "Your role does not include this screen.",
  days: "{n} d", hours: "{n} h", minutes: "{n} min", inTime: "in {amount}", ago: "{amount} ago", signedInAs: "Signed in as",
  required: "Required", caseApproved: "Case approved", caseRejected: "Case rejected", caseReceived: "Return received",
  caseInspected: "Inspection recorded", repairRecorded: "Repair stage recorded", disputeResolved: "Dispute resolved",
  exceptionRaised: "Exception raised", exceptionResolved: "Exception resolved", solvedDone: "Ticket solved", escalatedDone: "Ticket escalated",
  at: "At", actor: "By", fromStatus: "From", toStatus: "To", details: "Details", allOpen: "All open", open: "Open", yes: "yes", no: "no", range: "Range",
};

const zh = {
  appName: "Aftercare 客服工作台", signIn: "登录", signOut: "退出", signInTitle: "登录客服工作台",
  signInLocal: "本地环境：选择一位预置员工登录。在 AWS 上为 Cognito 托管登录页。",
  signInCognito: "使用公司账号登录", signingIn: "正在登录…", language: "语言",
  role_agent: "客服", role_warehouse: "仓库", role_supervisor: "主管",
  nav_tickets: "工单", nav_cases: "售后", nav_refunds: "退款", nav_orders: "订单", nav_kpis: "指标",
  shortcuts: "快捷键", shortcutsHelp: "Alt+1…5 切换页面 · j / k 在队列中移动 · Enter 打开 · / 筛选 · Esc 关闭 · Ctrl+Enter 发送",
  loading: "加载中…", refresh: "刷新", empty: "队列已清空。", selectSomething: "请从左侧队列中选择一项。",
  status: "状态", assignee: "处理人", anyone: "全部", me: "我", all: "全部", filter: "筛选",
  due: "到期", breached: "已超时", nearBreach: "即将超时", priority: "优先级", category: "类别", sentiment: "情绪",
  customer: "客户", order: "订单", subject: "主题", channel: "渠道", created: "创建", updated: "更新",
  assignToMe: "分配给我", assigned: "已分配给你", reply: "回复", send: "发送回复", template: "模板",
  noTemplate: "自由输入", placeholders: "占位符", preview: "预览", message: "消息",
  pending: "设为待客户回复", pendingDone: "等待客户回复", solve: "解决", solved: "已解决", resolution: "解决说明",
  outcome: "调解结果", escalate: "升级", escalated: "已升级", reason: "原因", note: "备注",
  firstResponseDue: "首次响应截止", resolutionDue: "解决截止", thread: "对话", history: "客户历史",
  profile: "客户资料", tier: "等级", points: "积分", orders: "订单", cases: "售后单", tickets: "工单", surveys: "问卷",
  noHistory: "无历史记录。", replied: "回复已发送", timeline: "时间线", breaches: "SLA 超时",
  case: "售后单", type: "类型", items: "商品", evidence: "凭证", noEvidence: "无照片。", deadlines: "时限",
  nextDeadline: "下一时限", returnShipment: "退货包裹", tracking: "物流", noTracking: "暂无物流信息。",
  approve: "同意", reject: "拒绝", receive: "签收", inspect: "质检", inspectPass: "通过", inspectFail: "不通过",
  notes: "备注", repairProgress: "维修进度", stage: "阶段", carrier: "快递公司", trackingNumber: "运单号",
  resolveDispute: "裁决争议", decision: "裁决", FOR_CUSTOMER: "支持客户", FOR_MERCHANT: "支持商家",
  dispute: "争议", inspection: "质检", repair: "维修", refund: "退款", merchantFault: "商家责任",
  done: "完成", quantity: "数量", unitPrice: "单价", sku: "SKU", name: "名称",
  refunds: "退款", amount: "金额", source: "来源", flagged: "风险标记", steps: "步骤", decisionNote: "审批备注",
  refundApproved: "退款已批准", refundRejected: "退款已拒绝",
  settle: "处理人工复核", settleHelp: "打款失败，工作流已将退款转交人工。请查看失败步骤的原因，再选择一种方式处理。",
  retryPayout: "重新打款", retryHelp: "先向支付渠道确认上一笔打款的结果，再以新的幂等键重新打款。",
  payoutRetried: "已重新打款", refundedOutside: "已在系统外退款", outsideHelp: "款项已通过其他方式退回（银行转账、代金券）：填写可查询的凭证。",
  reference: "凭证号", recordOutside: "记录为已退款", outsideRecorded: "已记录为系统外退款",
  rejectRefund: "拒绝退款", rejectHelp: "不打款；释放订单中为此退款预留的金额。",
  cause: "原因", optional: "{label}（选填）",
  lookup: "查询", orderLookup: "订单查询", orderIdOrCustomer: "订单号（ord_…）或客户号（cus_…）",
  byStatus: "按状态查看订单", total: "合计", paid: "已付", shipping: "运费", address: "地址", payment: "支付",
  exception: "异常", raiseException: "登记异常", resolveException: "处理异常", kind: "类型",
  proposal: "处理方案", shipments: "包裹", estimatedDelivery: "预计送达", noShipments: "暂无包裹。",
  kpis: "服务指标", from: "开始", to: "结束", show: "查看", ordersPlaced: "下单数", delivered: "已送达",
  onTime: "准时送达率", exceptionRate: "物流异常率", ticketsOpened: "新建工单", ticketsSolved: "已解决工单",
  slaBreaches: "SLA 超时", csat: "满意度", nps: "净推荐值", returnRate: "退货率", refundsSucceeded: "退款成功",
  firstResponse: "首次响应", medianP90: "中位数 · P90", chartOrders: "每日订单（下单 / 送达）",
  chartOnTime: "每日准时送达率", chartTickets: "每日新建工单与投诉",
  chartCsat: "满意度评分分布", chartFirstResponse: "工单首次响应时长", agents: "客服",
  agent: "客服", replies: "回复", assignedCount: "分配", answers: "份回答", n: "样本", placedLegend: "下单", deliveredLegend: "送达",
  openedLegend: "新建", complaintsLegend: "投诉", failed: "请求失败", networkError: "无法连接到 API",
  fieldErrors: "字段", dismiss: "关闭", forbiddenScreen: "你的角色无权查看此页面。",
  days: "{n} 天", hours: "{n} 小时", minutes: "{n} 分钟", inTime: "{amount}后", ago: "{amount}前", signedInAs: "当前用户",
  required: "必填", caseApproved: "售后单已同意", caseRejected: "售后单已拒绝", caseReceived: "退货已签收",
  caseInspected: "质检结果已记录", repairRecorded: "维修阶段已记录", disputeResolved: "争议已裁决",
  exceptionRaised: "异常已登记", exceptionResolved: "异常已处理", solvedDone: "工单已解决", escalatedDone: "工单已升级",
  at: "时间", actor: "操作人", fromStatus: "原状态", toStatus: "新状态", details: "详情", allOpen: "全部未完成", open: "打开", yes: "是", no: "否", range: "范围",
};

// Status and enum codes shown to people, per language (codes stay visible in English).
const codes = {
  zh: {
    NEW: "新建", OPEN: "处理中", PENDING: "待客户回复", SOLVED: "已解决", CLOSED: "已关闭",
    LOW: "低", NORMAL: "普通", HIGH: "高", URGENT: "紧急", POSITIVE: "正面", NEUTRAL: "中性", NEGATIVE: "负面",
    REQUESTED: "待审核", APPROVED: "已同意", REJECTED: "已拒绝", AWAITING_RETURN: "待退货", RETURN_IN_TRANSIT: "退货运输中",
    RECEIVED: "已签收", INSPECTED: "已质检", REFUNDING: "退款中", REFUNDED: "已退款", EXCHANGE_SHIPPED: "换货已发出",
    REPAIRING: "维修中", REPAIR_SHIPPED: "维修已寄回", COMPLETED: "已完成", CANCELLED: "已取消", DISPUTED: "争议中",
    CLOSED_TIMEOUT: "超时关闭", RETURN_REFUND: "退货退款", EXCHANGE: "换货", REPAIR: "维修", REFUND_ONLY: "仅退款",
    RESERVED: "已预留", AWAITING_APPROVAL: "待审批", PROCESSING: "处理中", SUCCEEDED: "成功", MANUAL_REVIEW: "人工复核",
    PENDING_PAYMENT: "待支付", PAID: "已支付", CONFIRMED: "已确认", PACKED: "已打包", SHIPPED: "已发货", DELIVERED: "已送达",
    ORDER: "订单", LOGISTICS: "物流", PAYMENT: "支付", RETURN: "退货", REFUND: "退款", PRODUCT: "商品", COMPLAINT: "投诉",
    PRESALE: "售前", OTHER: "其他", PASS: "通过", FAIL: "不通过", DIAGNOSING: "检测中", TESTING: "测试中", SHIPPED_BACK: "已寄回",
    OUT_OF_STOCK: "缺货", PRICE_ERROR: "价格错误", ADDRESS_PROBLEM: "地址问题", PAYMENT_PROBLEM: "支付问题",
    IN_TRANSIT: "运输中", OUT_FOR_DELIVERY: "派送中", INFO_RECEIVED: "已揽件", EXCEPTION: "异常",
    NO_REASON: "无理由", QUALITY_ISSUE: "质量问题", WRONG_ITEM: "发错商品", DAMAGED_IN_TRANSIT: "运输损坏",
    NOT_AS_DESCRIBED: "与描述不符", MISSING_ITEM: "漏发", NOT_RECEIVED: "未收到", SIZE_FIT: "尺码不合适",
    REVIEW_BY: "审核截止", RETURN_SHIP_BY: "寄回截止", INSPECT_BY: "质检截止", RESOLVE_TARGET: "解决目标",
    AUTO_COMPLETE_AT: "自动完成", APPEAL_BY: "申诉截止", SCHEDULED: "待发送", SENT: "已发送", ANSWERED: "已回答",
    EXPIRED: "已过期", CUSTOMER_ACCEPTED: "客户接受", COMPENSATED: "已补偿", REPLACED: "已换货", UNFOUNDED: "不成立",
    WITHDRAWN: "已撤回", BRONZE: "铜牌", SILVER: "银牌", GOLD: "金牌", PLATINUM: "白金", ORDER_CANCEL: "订单取消",
    CASE: "售后", AVAILABLE_FOR_PICKUP: "待取件", ATTEMPT_FAIL: "投递失败",
  },
};

const dictionaries = { en, zh };
let current = localStorage.getItem("aftercare.lang") || (navigator.language.startsWith("zh") ? "zh" : "en");
window.__missingTranslations = window.__missingTranslations || [];

export function lang() {
  return current;
}

export function setLang(value) {
  current = value === "zh" ? "zh" : "en";
  localStorage.setItem("aftercare.lang", current);
  document.documentElement.lang = current === "zh" ? "zh-CN" : "en";
}

export function t(key, vars = {}) {
  let text = dictionaries[current][key];
  if (text === undefined) {
    window.__missingTranslations.push(`${current}:${key}`);
    text = en[key] ?? key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

// A status or enum code as people read it ("AWAITING_RETURN" → "待退货" in Chinese).
export function code(value) {
  if (!value) return "—";
  if (/[a-z][A-Z]/.test(value)) value = value.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase(); // reviewBy → REVIEW_BY
  return (codes[current] && codes[current][value]) || value.replaceAll("_", " ").toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

export const languages = { en: "English", zh: "中文" };
setLang(current);
