/** Strings of the household register pages. */
export const strings = {
  "zh-CN": {
    title: "农户名册",
  },
  en: {
    title: "Household register",
  },
};
