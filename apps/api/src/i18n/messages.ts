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
  },
} as const;
