/**
 * Strings of the frame (header, navigation, states, sign-in guard) in both languages; each
 * feature folder has its own `strings.ts` for its pages. `strings.spec.ts` checks that every
 * bundle has the same keys in zh-CN and en.
 */
export const common = {
  "zh-CN": {
    brand: "巢状市场 · 项目管理",
    notFound: "没有这个页面。",
    nav: {
      skip: "跳到正文",
      label: "主导航",
      home: "首页",
      households: "农户",
      cycles: "订购周期",
      settlements: "结算",
      trust: "信任活动",
      catalog: "产品与价格",
      users: "用户与合作机构",
      impact: "成效",
    },
    account: {
      role: "（{{role}}）",
      signOut: "退出",
    },
    role: {
      CONSUMER: "消费者",
      STAFF: "工作人员",
      FINANCE: "财务",
      ADMIN: "管理员",
      PARTNER: "合作机构",
    },
    state: {
      loading: "正在加载……",
      failed: "暂时连不上服务器，请检查网络后重试。",
      retry: "重试",
      saving: "正在保存……",
      saved: "已保存。",
    },
    guard: {
      refusedTitle: "无权查看",
      refused: "您的角色（{{role}}）不能打开这一页。",
      backHome: "回到首页",
    },
    paymentMethod: {
      WECHAT_PAY: "微信支付",
      ALIPAY: "支付宝",
      BANK_TRANSFER: "银行转账",
      CASH: "现金",
    },
    table: {
      previous: "上一页",
      next: "下一页",
      pageOf: "第 {{page}} / {{pages}} 页，共 {{total}} 条",
      empty: "没有记录。",
    },
  },
  en: {
    brand: "Nested Market · Project admin",
    notFound: "There is no such page.",
    nav: {
      skip: "Skip to content",
      label: "Main navigation",
      home: "Home",
      households: "Households",
      cycles: "Order cycles",
      settlements: "Settlements",
      trust: "Trust events",
      catalog: "Products and prices",
      users: "Users and partners",
      impact: "Impact",
    },
    account: {
      role: "({{role}})",
      signOut: "Sign out",
    },
    role: {
      CONSUMER: "Consumer",
      STAFF: "Staff",
      FINANCE: "Finance",
      ADMIN: "Admin",
      PARTNER: "Partner",
    },
    state: {
      loading: "Loading…",
      failed: "Cannot reach the server right now. Check the network and try again.",
      retry: "Try again",
      saving: "Saving…",
      saved: "Saved.",
    },
    guard: {
      refusedTitle: "Not allowed",
      refused: "Your role ({{role}}) cannot open this page.",
      backHome: "Back to the home page",
    },
    paymentMethod: {
      WECHAT_PAY: "WeChat Pay",
      ALIPAY: "Alipay",
      BANK_TRANSFER: "Bank transfer",
      CASH: "Cash",
    },
    table: {
      previous: "Previous",
      next: "Next",
      pageOf: "Page {{page}} of {{pages}}, {{total}} in all",
      empty: "Nothing here.",
    },
  },
};
