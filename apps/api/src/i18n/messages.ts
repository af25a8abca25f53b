/**
 * The API's user-facing messages (ErrorResult messages), Chinese first, English second.
 * Keys are grouped by module; `{{name}}` marks a value filled in by i18next.
 */
export const MESSAGES = {
  "zh-CN": {
    identity: {
      invalidCredentials: "账号或密码不正确。",
      invalidInvitation: "邀请码无效、已过期或已被使用。",
      accountExists: "这个手机号或邮箱已经注册过，请直接登录。",
      needEmailOrPhone: "请填写手机号或邮箱。",
      invalidEmail: "邮箱格式不正确。",
      invalidPhone: "手机号不正确：{{reason}}",
      passwordTooShort: "密码至少需要 {{min}} 个字符。",
      displayNameRequired: "请填写称呼。",
      inputRefused: "填写的内容有误，什么都没有保存。",
    },
    order: {
      notFound: "找不到这个订单。",
      cycleNotFound: "找不到这个订货周期。",
      offerNotFound: "这个周期里没有这件商品：{{offerId}}",
      pickupPointNotFound: "找不到这个配送点。",
      cycleNotOpen: "这个订货周期现在不接受订单（开放时间：{{opensAt}} 至 {{closesAt}}）。",
      insufficientStock: "「{{name}}」库存不足：还剩 {{available}} 件。",
      quantityNotPositive: "数量必须是至少为 1 的整数，收到的是 {{quantity}}。",
      quantityNegative: "数量不能是负数，收到的是 {{quantity}}。",
      quantityTooLarge: "「{{name}}」每单最多 {{max}} 件，收到的是 {{quantity}}。",
      pickupPointNotServed: "这个配送点不在本周期的配送范围内，请换一个配送点。",
      notEditable: "这个订单已经是「{{state}}」状态，不能再修改或取消。",
      noLines: "订单里至少要有一件商品。",
      noLinesLeft: "修改后订单里一件商品都没有了；如果不要了，请取消订单。",
      tooManyLines: "一个订单最多 {{max}} 行。",
      badIdempotencyKey:
        "幂等键须为 {{min}}–{{max}} 个字母、数字或 - _ . : 字符（例如一个 UUID）。",
      inputRefused: "订单内容有误，什么都没有保存。",
      consumersOnly: "只有消费者家庭可以下单。",
    },
    partner: {
      organisationNotFound: "找不到这个合作机构。",
    },
  },
  en: {
    identity: {
      invalidCredentials: "The account or password is not right.",
      invalidInvitation: "This invitation code is not valid, has expired or has been used.",
      accountExists: "This phone number or e-mail is already registered; please sign in.",
      needEmailOrPhone: "Please give a phone number or an e-mail address.",
      invalidEmail: "This e-mail address is not valid.",
      invalidPhone: "This phone number is not valid: {{reason}}",
      passwordTooShort: "The password needs at least {{min}} characters.",
      displayNameRequired: "Please give a name to address you by.",
      inputRefused: "Some of what you entered is not right; nothing was saved.",
    },
    order: {
      notFound: "There is no such order.",
      cycleNotFound: "There is no such order cycle.",
      offerNotFound: "This cycle has no such offer: {{offerId}}",
      pickupPointNotFound: "There is no such pickup point.",
      cycleNotOpen:
        "This order cycle is not taking orders now (open from {{opensAt}} to {{closesAt}}).",
      insufficientStock: "Not enough of “{{name}}”: {{available}} left.",
      quantityNotPositive: "A quantity must be a whole number of at least 1, not {{quantity}}.",
      quantityNegative: "A quantity cannot be negative, not {{quantity}}.",
      quantityTooLarge: "One order may hold at most {{max}} of “{{name}}”, not {{quantity}}.",
      pickupPointNotServed: "This pickup point is not served in this cycle; please choose another.",
      notEditable: "This order is {{state}} and can no longer be changed or cancelled.",
      noLines: "An order needs at least one line.",
      noLinesLeft: "The change would leave the order empty; cancel it instead.",
      tooManyLines: "One order may have at most {{max}} lines.",
      badIdempotencyKey:
        "The idempotency key must be {{min}}–{{max}} letters, digits or - _ . : (a UUID, say).",
      inputRefused: "Some of the order is not right; nothing was saved.",
      consumersOnly: "Only consumer households can order.",
    },
    partner: {
      organisationNotFound: "There is no such partner organisation.",
    },
  },
} as const;
