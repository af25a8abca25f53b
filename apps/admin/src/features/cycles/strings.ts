/** Strings of the order cycles pages. */
export const strings = {
  "zh-CN": {
    title: "订购周期",
  },
  en: {
    title: "Order cycles",
  },
};
