import type { YearMonth } from "./calendar";

/** One step of a producer group's membership history: `count` households joining in a window. */
export interface MemberPlanStep {
  count: number;
  /** Whether the step draws registered-poor households. */
  poor: boolean;
  /** Join dates are spread over this window of business days (`YYYY-MM-DD`, inclusive). */
  joinFrom: string;
  joinTo: string;
  /** When given, these households leave (membership LEFT) within this window. */
  leaveFrom?: string;
  leaveTo?: string;
}

/** A pickup point (配送点) as planned: invented, plausible addresses. */
export interface PickupPointPlan {
  nameZh: string;
  nameEn: string;
  city: "北京" | "保定";
  addressZh: string;
}

/** A consumer group and the pickup points it uses. */
export interface ConsumerGroupPlan {
  nameZh: string;
  nameEn: string;
  startedOn: string;
  pickupPoints: readonly PickupPointPlan[];
}

/**
 * Everything that makes one nested market differ from another: its village, its producer group's
 * history and its consumer side. Sanggang and Baoshi carry the published figures of
 * taihang-facts.md; extra markets (for `scale` > 1) are derived from Sanggang's shape.
 */
export interface MarketProfile {
  /** Prefix of household codes, e.g. `SG` → `SG-001`. */
  key: string;
  village: {
    nameZh: string;
    nameEn: string;
    townshipZh: string;
    townshipEn: string;
    countyZh: string;
    countyEn: string;
    provinceZh: string;
    provinceEn: string;
    householdCount: number;
    registeredPoorCount: number;
    distanceToBeijingKm: number;
    distanceToCountySeatKm: number;
  };
  group: { nameZh: string; nameEn: string; foundedOn: string; firstCycle: YearMonth };
  members: readonly MemberPlanStep[];
  /** Cumulative consumer households by date; after the last point the base grows by `consumerGrowthPerYear`. */
  consumerMilestones: readonly (readonly [string, number])[];
  consumerGrowthPerYear: number;
  consumerGroups: readonly ConsumerGroupPlan[];
  /** First year of the household register's income data. */
  firstDataYear: number;
}

const YI_COUNTY = {
  countyZh: "易县",
  countyEn: "Yi County",
  provinceZh: "河北省",
  provinceEn: "Hebei",
};

/**
 * Sanggang 桑岗村, Pocang Township, Yi County (taihang-facts.md): 183 households, 53 registered
 * poor (2017); 20 poor households start in spring 2011; 76 participating households at the end
 * of 2017, 46 of them registered poor; more than 400 consumer households; 5 consumer groups;
 * 8 pickup points in Beijing and 1 in Baoding.
 */
export const SANGGANG: MarketProfile = {
  key: "SG",
  village: {
    nameZh: "桑岗村",
    nameEn: "Sanggang",
    townshipZh: "坡仓乡",
    townshipEn: "Pocang Township",
    ...YI_COUNTY,
    householdCount: 183,
    registeredPoorCount: 53,
    distanceToBeijingKm: 190,
    distanceToCountySeatKm: 60,
  },
  group: {
    nameZh: "桑岗村生产小组",
    nameEn: "Sanggang producer group",
    foundedOn: "2011-03-01",
    firstCycle: { year: 2011, month: 4 },
  },
  members: [
    // 20 poor founders, spring 2011.
    { count: 20, poor: true, joinFrom: "2011-03-05", joinTo: "2011-03-25" },
    // Growth to 46 poor and 30 other active members by 2017-12-31 …
    { count: 26, poor: true, joinFrom: "2011-06-01", joinTo: "2017-11-30" },
    { count: 27, poor: false, joinFrom: "2011-09-01", joinTo: "2017-11-30" },
    // … with four who joined and left again before the end of 2017 …
    {
      count: 2,
      poor: true,
      joinFrom: "2011-06-01",
      joinTo: "2013-12-31",
      leaveFrom: "2015-01-01",
      leaveTo: "2017-10-31",
    },
    {
      count: 2,
      poor: false,
      joinFrom: "2011-09-01",
      joinTo: "2013-12-31",
      leaveFrom: "2015-01-01",
      leaveTo: "2017-10-31",
    },
    // … and three active at the end of 2017 who leave later.
    {
      count: 2,
      poor: false,
      joinFrom: "2012-01-01",
      joinTo: "2016-12-31",
      leaveFrom: "2018-03-01",
      leaveTo: "2020-06-30",
    },
    {
      count: 1,
      poor: false,
      joinFrom: "2012-01-01",
      joinTo: "2016-12-31",
      leaveFrom: "2022-03-01",
      leaveTo: "2024-06-30",
    },
    // 2018–2020: towards 105 households across both villages.
    { count: 3, poor: true, joinFrom: "2018-02-01", joinTo: "2020-10-31" },
    { count: 9, poor: false, joinFrom: "2018-02-01", joinTo: "2020-10-31" },
    { count: 3, poor: false, joinFrom: "2021-03-01", joinTo: "2024-10-31" },
  ],
  consumerMilestones: [
    ["2011-03-10", 0],
    ["2011-04-01", 30],
    ["2012-01-01", 110],
    ["2013-01-01", 185],
    ["2014-01-01", 245],
    ["2015-01-01", 295],
    ["2016-01-01", 345],
    ["2017-01-01", 390],
    ["2018-01-01", 430],
    ["2021-01-01", 462],
  ],
  consumerGrowthPerYear: 6,
  consumerGroups: [
    {
      nameZh: "海淀一组",
      nameEn: "Haidian group 1",
      startedOn: "2011-03-10",
      pickupPoints: [
        {
          nameZh: "海淀·学院路",
          nameEn: "Haidian, Xueyuan Road",
          city: "北京",
          addressZh: "北京市海淀区学院路东侧槐荫里小区北门传达室",
        },
        {
          nameZh: "海淀·清河",
          nameEn: "Haidian, Qinghe",
          city: "北京",
          addressZh: "北京市海淀区清河街道银杏苑3号楼底商",
        },
      ],
    },
    {
      nameZh: "朝阳组",
      nameEn: "Chaoyang group",
      startedOn: "2011-10-01",
      pickupPoints: [
        {
          nameZh: "朝阳·望京",
          nameEn: "Chaoyang, Wangjing",
          city: "北京",
          addressZh: "北京市朝阳区望京街道丁香里社区活动室",
        },
        {
          nameZh: "朝阳·双井",
          nameEn: "Chaoyang, Shuangjing",
          city: "北京",
          addressZh: "北京市朝阳区双井街道柳岸家园南门",
        },
      ],
    },
    {
      nameZh: "西城东城组",
      nameEn: "Xicheng–Dongcheng group",
      startedOn: "2012-09-01",
      pickupPoints: [
        {
          nameZh: "西城·月坛",
          nameEn: "Xicheng, Yuetan",
          city: "北京",
          addressZh: "北京市西城区月坛街道菊香园社区服务站",
        },
        {
          nameZh: "东城·和平里",
          nameEn: "Dongcheng, Hepingli",
          city: "北京",
          addressZh: "北京市东城区和平里街道海棠苑物业值班室",
        },
      ],
    },
    {
      nameZh: "保定组",
      nameEn: "Baoding group",
      startedOn: "2013-05-01",
      pickupPoints: [
        {
          nameZh: "保定·莲池",
          nameEn: "Baoding, Lianchi",
          city: "保定",
          addressZh: "河北省保定市莲池区东风街道莲湖苑2号楼下",
        },
      ],
    },
    {
      nameZh: "丰台大兴组",
      nameEn: "Fengtai–Daxing group",
      startedOn: "2014-03-01",
      pickupPoints: [
        {
          nameZh: "丰台·方庄",
          nameEn: "Fengtai, Fangzhuang",
          city: "北京",
          addressZh: "北京市丰台区方庄街道芳榆里社区活动中心",
        },
        {
          nameZh: "大兴·亦庄",
          nameEn: "Daxing, Yizhuang",
          city: "北京",
          addressZh: "北京市大兴区亦庄镇松苑小区北门",
        },
      ],
    },
  ],
  firstDataYear: 2010,
};

/**
 * Baoshi 宝石村 (taihang-facts.md): joined in 2016 with a producer group of 12 registered-poor
 * households; about 100 consumer households; 3 pickup points in Beijing. Its household count
 * (150, 31 registered poor) is invented.
 */
export const BAOSHI: MarketProfile = {
  key: "BS",
  village: {
    nameZh: "宝石村",
    nameEn: "Baoshi",
    townshipZh: "坡仓乡",
    townshipEn: "Pocang Township",
    ...YI_COUNTY,
    householdCount: 150,
    registeredPoorCount: 31,
    distanceToBeijingKm: 195,
    distanceToCountySeatKm: 58,
  },
  group: {
    nameZh: "宝石村生产小组",
    nameEn: "Baoshi producer group",
    foundedOn: "2016-04-01",
    firstCycle: { year: 2016, month: 5 },
  },
  members: [
    { count: 12, poor: true, joinFrom: "2016-04-05", joinTo: "2016-04-25" },
    { count: 6, poor: false, joinFrom: "2017-03-01", joinTo: "2020-09-30" },
    { count: 2, poor: false, joinFrom: "2021-04-01", joinTo: "2023-09-30" },
  ],
  consumerMilestones: [
    ["2016-04-10", 0],
    ["2016-05-01", 25],
    ["2017-01-01", 70],
    ["2018-01-01", 100],
    ["2021-01-01", 110],
  ],
  consumerGrowthPerYear: 2,
  consumerGroups: [
    {
      nameZh: "宝石·北京组",
      nameEn: "Baoshi Beijing group",
      startedOn: "2016-04-10",
      pickupPoints: [
        {
          nameZh: "海淀·西三旗",
          nameEn: "Haidian, Xisanqi",
          city: "北京",
          addressZh: "北京市海淀区西三旗街道枣林小区东门",
        },
        {
          nameZh: "昌平·回龙观",
          nameEn: "Changping, Huilongguan",
          city: "北京",
          addressZh: "北京市昌平区回龙观街道杏林家园物业",
        },
        {
          nameZh: "通州·梨园",
          nameEn: "Tongzhou, Liyuan",
          city: "北京",
          addressZh: "北京市通州区梨园镇桃溪苑西门",
        },
      ],
    },
  ],
  firstDataYear: 2010,
};

const EXTRA_VILLAGES: readonly { zh: string; en: string }[] = [
  { zh: "青石沟村", en: "Qingshigou" },
  { zh: "柿子坪村", en: "Shiziping" },
  { zh: "松树岭村", en: "Songshuling" },
  { zh: "杏花峪村", en: "Xinghuayu" },
  { zh: "山楂坡村", en: "Shanzhapo" },
  { zh: "白云岗村", en: "Baiyungang" },
];

const EXTRA_TOWNSHIPS: readonly { zh: string; en: string }[] = [
  { zh: "南岭乡", en: "Nanling" },
  { zh: "北坡乡", en: "Beipo" },
  { zh: "石门乡", en: "Shimen" },
  { zh: "东沟乡", en: "Donggou" },
  { zh: "西岭乡", en: "Xiling" },
  { zh: "松林乡", en: "Songlin" },
];

/**
 * An invented extra market for benchmarks (`scale` > 1): one more village of 160 households in
 * another invented township whose group starts `index` years before Sanggang (so larger scales
 * also carry more years of history).
 */
export function extraMarketProfile(index: number): MarketProfile {
  const name = EXTRA_VILLAGES[(index - 1) % EXTRA_VILLAGES.length] ?? { zh: "新村", en: "Xincun" };
  const township = EXTRA_TOWNSHIPS[(index - 1) % EXTRA_TOWNSHIPS.length] ?? {
    zh: "新乡",
    en: "Xin",
  };
  const round = Math.floor((index - 1) / EXTRA_VILLAGES.length);
  const suffixZh = round === 0 ? "" : `${round + 1}组`;
  const suffixEn = round === 0 ? "" : ` ${round + 1}`;
  const start = 2011 - index;
  return {
    key: `X${index}`,
    village: {
      nameZh: `${name.zh}${suffixZh}`,
      nameEn: `${name.en}${suffixEn}`,
      townshipZh: `${township.zh}${suffixZh}`,
      townshipEn: `${township.en}${suffixEn} Township`,
      ...YI_COUNTY,
      householdCount: 160,
      registeredPoorCount: 40,
      distanceToBeijingKm: 180 + index,
      distanceToCountySeatKm: 40 + index,
    },
    group: {
      nameZh: `${name.zh}${suffixZh}生产小组`,
      nameEn: `${name.en}${suffixEn} producer group`,
      foundedOn: `${start}-03-01`,
      firstCycle: { year: start, month: 4 },
    },
    members: [
      { count: 15, poor: true, joinFrom: `${start}-03-05`, joinTo: `${start}-03-25` },
      { count: 20, poor: true, joinFrom: `${start}-06-01`, joinTo: `${start + 7}-11-30` },
      { count: 25, poor: false, joinFrom: `${start}-09-01`, joinTo: `${start + 9}-11-30` },
      {
        count: 2,
        poor: false,
        joinFrom: `${start + 1}-01-01`,
        joinTo: `${start + 3}-12-31`,
        leaveFrom: `${start + 4}-01-01`,
        leaveTo: `${start + 6}-12-31`,
      },
    ],
    consumerMilestones: [
      [`${start}-03-10`, 0],
      [`${start}-04-01`, 20],
      [`${start + 7}-01-01`, 300],
    ],
    consumerGrowthPerYear: 5,
    consumerGroups: [
      {
        nameZh: `${name.zh}·海淀组`,
        nameEn: `${name.en} Haidian group`,
        startedOn: `${start}-03-10`,
        pickupPoints: [
          {
            nameZh: "海淀·上地",
            nameEn: "Haidian, Shangdi",
            city: "北京",
            addressZh: "北京市海淀区上地街道榆树园社区活动室",
          },
          {
            nameZh: "海淀·万柳",
            nameEn: "Haidian, Wanliu",
            city: "北京",
            addressZh: "北京市海淀区万柳地区竹影里北门",
          },
        ],
      },
      {
        nameZh: `${name.zh}·朝阳组`,
        nameEn: `${name.en} Chaoyang group`,
        startedOn: `${start + 1}-05-01`,
        pickupPoints: [
          {
            nameZh: "朝阳·亚运村",
            nameEn: "Chaoyang, Yayuncun",
            city: "北京",
            addressZh: "北京市朝阳区亚运村街道梧桐苑物业",
          },
          {
            nameZh: "朝阳·劲松",
            nameEn: "Chaoyang, Jinsong",
            city: "北京",
            addressZh: "北京市朝阳区劲松街道石榴园南门",
          },
        ],
      },
    ],
    firstDataYear: Math.min(2010, start - 1),
  };
}
