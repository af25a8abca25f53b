/** Strings of the impact pages. */
export const strings = {
  "zh-CN": {
    title: "成效",
  },
  en: {
    title: "Impact",
  },
};
