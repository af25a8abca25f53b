/** Strings of the settlements pages. */
export const strings = {
  "zh-CN": {
    title: "结算",
  },
  en: {
    title: "Settlements",
  },
};
