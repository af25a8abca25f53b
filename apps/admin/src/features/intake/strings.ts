/** Strings of the intake and quality check pages. */
export const strings = {
  "zh-CN": {
    title: "收货与质检",
  },
  en: {
    title: "Intake and quality check",
  },
};
