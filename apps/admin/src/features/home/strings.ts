/** Strings of the home page. */
export const strings = {
  "zh-CN": {
    title: "您好，{{name}}",
    lead: "从下面进入今天要做的工作。",
  },
  en: {
    title: "Hello, {{name}}",
    lead: "Pick up today's work below.",
  },
};
