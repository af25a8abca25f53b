/** Strings of the sign-in page. */
export const strings = {
  "zh-CN": {
    title: "工作人员登录",
    lead: "项目工作人员、财务、管理员和合作机构用各自的账号登录。",
    login: "邮箱或手机号",
    password: "密码",
    submit: "登录",
    busy: "正在登录……",
  },
  en: {
    title: "Staff sign-in",
    lead: "Project staff, finance, admins and partner organisations sign in with their own account.",
    login: "Email or phone number",
    password: "Password",
    submit: "Sign in",
    busy: "Signing in…",
  },
};
