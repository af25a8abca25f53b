/** Strings of the trust events pages. */
export const strings = {
  "zh-CN": {
    title: "信任活动",
  },
  en: {
    title: "Trust events",
  },
};
