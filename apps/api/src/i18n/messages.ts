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
    partner: {
      organisationNotFound: "找不到这个合作机构。",
    },
    consumer: {
      noConsumerHousehold: "这个账号没有消费者家庭。",
      displayNameRequired: "称呼需要 1 到 100 个字符。",
      invalidLocale: "语言只能是 zh-CN 或 en。",
      pickupPointNotServed: "这个配送点不属于您所在的市场。",
      inputRefused: "填写的内容有误，什么都没有保存。",
      invitationLimit: "您最多可以同时持有 {{max}} 个未使用的邀请码。",
    },
    feedback: {
      orderLineNotFound: "找不到这个订单行。",
      notAllowed: "取货之后才能评价。",
      alreadyGiven: "这个订单行已经评价过了。",
      ratingRange: "评分必须是 1 到 5 的整数。",
      commentTooLong: "评论最多 {{max}} 个字符。",
      inputRefused: "填写的内容有误，评价没有保存。",
    },
    trust: {
      visitNotFound: "找不到这个可报名的村庄探访。",
      signUpNotFound: "您没有报名这个探访。",
      alreadySignedUp: "您已经报名了这个探访。",
      full: "名额不够：还剩 {{placesLeft}} 个。",
      peopleRange: "人数必须是 1 到 {{max}} 的整数。",
      inputRefused: "填写的内容有误，报名没有保存。",
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
    partner: {
      organisationNotFound: "There is no such partner organisation.",
    },
    consumer: {
      noConsumerHousehold: "This account has no consumer household.",
      displayNameRequired: "The name needs 1 to 100 characters.",
      invalidLocale: "The language must be zh-CN or en.",
      pickupPointNotServed: "This pickup point does not belong to your market.",
      inputRefused: "Some of what you entered is not right; nothing was saved.",
      invitationLimit: "You can hold at most {{max}} unused invitation codes at a time.",
    },
    feedback: {
      orderLineNotFound: "There is no such order line.",
      notAllowed: "Feedback can be given only after pickup.",
      alreadyGiven: "Feedback on this order line has already been given.",
      ratingRange: "The rating must be a whole number from 1 to 5.",
      commentTooLong: "The comment may have at most {{max}} characters.",
      inputRefused: "Some of what you entered is not right; the feedback was not saved.",
    },
    trust: {
      visitNotFound: "There is no such village visit open for sign-up.",
      signUpNotFound: "You have not signed up for this visit.",
      alreadySignedUp: "You have already signed up for this visit.",
      full: "Not enough places: {{placesLeft}} left.",
      peopleRange: "The number of people must be a whole number from 1 to {{max}}.",
      inputRefused: "Some of what you entered is not right; the sign-up was not saved.",
    },
  },
} as const;
