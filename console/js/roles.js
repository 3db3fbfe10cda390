// What each staff role works on. The console hides what a role cannot do; the API refuses it
// anyway (these lists mirror the require_role calls of functions/*_api/app.py).

export const SCREENS = [
  { id: "tickets", roles: ["agent", "supervisor"] },
  { id: "cases", roles: ["agent", "warehouse", "supervisor"] },
  { id: "refunds", roles: ["supervisor"] },
  { id: "orders", roles: ["agent", "warehouse", "supervisor"] },
  { id: "kpis", roles: ["supervisor"] },
];

const ACTIONS = {
  "case.approve": ["agent", "supervisor"],
  "case.reject": ["agent", "supervisor"],
  "case.receive": ["warehouse", "supervisor"],
  "case.inspect": ["warehouse", "supervisor"],
  "case.repair": ["warehouse", "supervisor"],
  "case.resolveDispute": ["supervisor"],
  "refund.decide": ["supervisor"],
  // Settling a manual review (retry the pay-out, refunded outside, reject): settlement.py's _in_review.
  "refund.settle": ["supervisor"],
  "order.raiseException": ["agent", "warehouse", "supervisor"],
  "order.resolveException": ["agent", "supervisor"],
  "ticket.work": ["agent", "supervisor"],
};

export function may(roles, action) {
  return (ACTIONS[action] || []).some((role) => roles.includes(role));
}

export function screensFor(roles) {
  return SCREENS.filter((screen) => screen.roles.some((role) => roles.includes(role))).map((s) => s.id);
}

// The queue a role starts from on the after-sales screen.
export function defaultCaseStatus(roles) {
  if (roles.includes("supervisor")) return "DISPUTED";
  if (roles.includes("agent")) return "REQUESTED";
  return "RECEIVED";
}

// Which case actions a case's status allows (the transitions of aftersales/rules.py).
export function caseActions(kase) {
  const byStatus = {
    REQUESTED: ["approve", "reject"],
    AWAITING_RETURN: ["receive"],
    RETURN_IN_TRANSIT: ["receive"],
    RECEIVED: ["inspect"],
    REPAIRING: ["repair"],
    DISPUTED: ["resolveDispute"],
  };
  return byStatus[kase.status] || [];
}
