/**
 * Pools for invented names. Every person in the demo world is invented: names are drawn at random
 * from common surnames and given names, never taken from a real household or consumer.
 */

/** A name part in characters and in pinyin. */
export interface NamePart {
  zh: string;
  en: string;
}

/** Surnames common in rural Hebei. */
export const SURNAMES: readonly NamePart[] = [
  { zh: "李", en: "Li" },
  { zh: "王", en: "Wang" },
  { zh: "张", en: "Zhang" },
  { zh: "刘", en: "Liu" },
  { zh: "赵", en: "Zhao" },
  { zh: "杨", en: "Yang" },
  { zh: "孙", en: "Sun" },
  { zh: "高", en: "Gao" },
  { zh: "马", en: "Ma" },
  { zh: "郭", en: "Guo" },
  { zh: "田", en: "Tian" },
  { zh: "白", en: "Bai" },
];

/** Given names of the older generation, women. */
export const GIVEN_NAMES_FEMALE: readonly NamePart[] = [
  { zh: "秀兰", en: "Xiulan" },
  { zh: "桂芝", en: "Guizhi" },
  { zh: "淑珍", en: "Shuzhen" },
  { zh: "玉梅", en: "Yumei" },
  { zh: "凤英", en: "Fengying" },
  { zh: "素芬", en: "Sufen" },
  { zh: "春梅", en: "Chunmei" },
  { zh: "桂荣", en: "Guirong" },
  { zh: "翠花", en: "Cuihua" },
  { zh: "玉兰", en: "Yulan" },
];

/** Given names of the older generation, men. */
export const GIVEN_NAMES_MALE: readonly NamePart[] = [
  { zh: "建国", en: "Jianguo" },
  { zh: "永福", en: "Yongfu" },
  { zh: "德明", en: "Deming" },
  { zh: "保山", en: "Baoshan" },
  { zh: "长林", en: "Changlin" },
  { zh: "福生", en: "Fusheng" },
  { zh: "振华", en: "Zhenhua" },
  { zh: "金海", en: "Jinhai" },
  { zh: "树森", en: "Shusen" },
  { zh: "国庆", en: "Guoqing" },
];

/** Given names of city consumers (any sex). */
export const GIVEN_NAMES_CITY: readonly NamePart[] = [
  { zh: "晓雯", en: "Xiaowen" },
  { zh: "子涵", en: "Zihan" },
  { zh: "海燕", en: "Haiyan" },
  { zh: "伟", en: "Wei" },
  { zh: "静", en: "Jing" },
  { zh: "磊", en: "Lei" },
  { zh: "一鸣", en: "Yiming" },
  { zh: "思远", en: "Siyuan" },
  { zh: "雅琴", en: "Yaqin" },
  { zh: "文博", en: "Wenbo" },
  { zh: "丽娜", en: "Lina" },
  { zh: "志强", en: "Zhiqiang" },
];

/** City surnames (a wider pool). */
export const CITY_SURNAMES: readonly NamePart[] = [
  ...SURNAMES,
  { zh: "陈", en: "Chen" },
  { zh: "周", en: "Zhou" },
  { zh: "吴", en: "Wu" },
  { zh: "徐", en: "Xu" },
  { zh: "胡", en: "Hu" },
  { zh: "林", en: "Lin" },
  { zh: "何", en: "He" },
  { zh: "罗", en: "Luo" },
];
