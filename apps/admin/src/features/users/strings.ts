/** Strings of the users and partner organisations pages. */
export const strings = {
  "zh-CN": {
    title: "用户与合作机构",
  },
  en: {
    title: "Users and partner organisations",
  },
};
