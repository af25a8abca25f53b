/** Strings of the products and prices pages. */
export const strings = {
  "zh-CN": {
    title: "产品与价格",
  },
  en: {
    title: "Products and prices",
  },
};
