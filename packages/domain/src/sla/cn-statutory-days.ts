// GENERATED FILE: do not edit by hand.
// Source: the chinese-days npm package, version 1.5.7 (State Council 国务院办公厅 holiday notices).
// Regenerate after a new yearly notice (usually published in November):
//   npm install -D chinese-days@latest && node scripts/generate-cn-holidays.mjs
// Then check the new year against gov.cn and extend the tests in cn-statutory-schedule.test.ts.

/** One festival period of one year: days off and the make-up workdays (调休) that pay for them. */
export interface CnStatutoryPeriod {
  readonly zh: string;
  readonly en: string;
  /** Days off, as "MM-DD" or an inclusive range "MM-DD..MM-DD", within the keyed year. */
  readonly off: readonly string[];
  /** Make-up workdays (usually a Saturday or Sunday), same notation. */
  readonly work: readonly string[];
}

/** The package and version the data below came from. */
export const CN_STATUTORY_SOURCE = 'chinese-days@1.5.7';

/** Official schedule keyed by calendar year (the year of each date, not of the festival). */
export const CN_STATUTORY_DAYS: Readonly<Record<number, readonly CnStatutoryPeriod[]>> = {
  2004: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['01-22..01-28'], work: ['01-17..01-18'] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-07'], work: ['05-08..05-09'] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['10-09..10-10'] },
  ],
  2005: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-03'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['02-09..02-15'], work: ['02-05..02-06'] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-07'], work: ['04-30', '05-08'] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['10-08..10-09'] },
  ],
  2006: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-03'], work: ['12-30..12-31'] },
    { zh: '春节', en: 'Spring Festival', off: ['01-29..02-04'], work: ['01-28', '02-05'] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-07'], work: ['04-29..04-30'] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['09-30', '10-08'] },
  ],
  2007: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-03', '12-30..12-31'], work: ['12-29'] },
    { zh: '春节', en: 'Spring Festival', off: ['02-18..02-24'], work: ['02-17', '02-25'] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-07'], work: ['04-28..04-29'] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['09-29..09-30'] },
  ],
  2008: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['02-06..02-12'], work: ['02-02..02-03'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-04..04-06'], work: [] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-03'], work: ['05-04'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-07..06-09'], work: [] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-13..09-15'], work: [] },
    { zh: '国庆节', en: 'National Day', off: ['09-29..10-05'], work: ['09-27..09-28'] },
  ],
  2009: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-03'], work: ['01-04'] },
    { zh: '春节', en: 'Spring Festival', off: ['01-25..01-31'], work: ['01-24', '02-01'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-04..04-06'], work: [] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-03'], work: [] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['05-28..05-30'], work: ['05-31'] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-02', '10-04..10-08'], work: ['09-27', '10-10'] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['10-03'], work: [] },
  ],
  2010: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-03'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['02-13..02-19'], work: ['02-20..02-21'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-03..04-05'], work: [] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-03'], work: [] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-14..06-16'], work: ['06-12..06-13'] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-22..09-24'], work: ['09-19', '09-25'] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['09-26', '10-09'] },
  ],
  2011: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-03'], work: ['12-31'] },
    { zh: '春节', en: 'Spring Festival', off: ['02-02..02-08'], work: ['01-30', '02-12'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-03..04-05'], work: ['04-02'] },
    { zh: '劳动节', en: 'Labour Day', off: ['04-30..05-02'], work: [] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-04', '06-06'], work: [] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-10..09-12'], work: [] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['10-08..10-09'] },
  ],
  2012: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-03'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['01-22..01-28'], work: ['01-21', '01-29'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-02..04-04'], work: ['03-31..04-01'] },
    { zh: '劳动节', en: 'Labour Day', off: ['04-29..05-01'], work: ['04-28'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-22', '06-24'], work: [] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-30'], work: [] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['09-29'] },
  ],
  2013: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-03'], work: ['01-05..01-06'] },
    { zh: '春节', en: 'Spring Festival', off: ['02-09..02-15'], work: ['02-16..02-17'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-04..04-06'], work: ['04-07'] },
    { zh: '劳动节', en: 'Labour Day', off: ['04-29..05-01'], work: ['04-27..04-28'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-10..06-12'], work: ['06-08..06-09'] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-19..09-21'], work: ['09-22'] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['09-29', '10-12'] },
  ],
  2014: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['01-31..02-06'], work: ['01-26', '02-08'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-05..04-07'], work: [] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-03'], work: ['05-04'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-02'], work: [] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-08'], work: [] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['09-28', '10-11'] },
  ],
  2015: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-03'], work: ['01-04'] },
    { zh: '春节', en: 'Spring Festival', off: ['02-18..02-24'], work: ['02-15', '02-28'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-05..04-06'], work: [] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01'], work: [] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-20', '06-22'], work: [] },
    { zh: '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日', en: 'Anti-Fascist 70th Day', off: ['09-03..09-04'], work: ['09-06'] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-27'], work: [] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['10-10'] },
  ],
  2016: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['02-07..02-13'], work: ['02-06', '02-14'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-04'], work: [] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-02'], work: [] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-09..06-11'], work: ['06-12'] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-15..09-17'], work: ['09-18'] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['10-08..10-09'] },
  ],
  2017: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-02'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['01-27..02-02'], work: ['01-22', '02-04'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-02..04-04'], work: ['04-01'] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01'], work: [] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['05-28..05-30'], work: ['05-27'] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-03', '10-05..10-08'], work: ['09-30'] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['10-04'], work: [] },
  ],
  2018: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01', '12-30..12-31'], work: ['12-29'] },
    { zh: '春节', en: 'Spring Festival', off: ['02-15..02-21'], work: ['02-11', '02-24'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-05..04-07'], work: ['04-08'] },
    { zh: '劳动节', en: 'Labour Day', off: ['04-29..05-01'], work: ['04-28'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-18'], work: [] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-24'], work: [] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['09-29..09-30'] },
  ],
  2019: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['02-04..02-10'], work: ['02-02..02-03'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-05..04-07'], work: [] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-04'], work: ['04-28', '05-05'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-07..06-09'], work: [] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-13..09-15'], work: [] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['09-29', '10-12'] },
  ],
  2020: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['01-24..02-02'], work: ['01-19'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-04..04-06'], work: [] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-05'], work: ['04-26', '05-09'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-25..06-27'], work: ['06-28'] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-08'], work: ['09-27', '10-10'] },
  ],
  2021: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-03'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['02-11..02-17'], work: ['02-07', '02-20'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-03..04-05'], work: [] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-05'], work: ['04-25', '05-08'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-12..06-14'], work: [] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-19..09-21'], work: ['09-18'] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['09-26', '10-09'] },
  ],
  2022: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-03', '12-31'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['01-31..02-06'], work: ['01-29..01-30'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-03..04-05'], work: ['04-02'] },
    { zh: '劳动节', en: 'Labour Day', off: ['04-30..05-04'], work: ['04-24', '05-07'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-03..06-05'], work: [] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-10..09-12'], work: [] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['10-08..10-09'] },
  ],
  2023: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-02'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['01-21..01-27'], work: ['01-28..01-29'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-05'], work: [] },
    { zh: '劳动节', en: 'Labour Day', off: ['04-29..05-03'], work: ['04-23', '05-06'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-22..06-24'], work: ['06-25'] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-29'], work: [] },
    { zh: '国庆节', en: 'National Day', off: ['09-30..10-06'], work: ['10-07..10-08'] },
  ],
  2024: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['02-10..02-17'], work: ['02-04', '02-18'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-04..04-06'], work: ['04-07'] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-05'], work: ['04-28', '05-11'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-10'], work: [] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-15..09-17'], work: ['09-14'] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['09-29', '10-12'] },
  ],
  2025: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01'], work: [] },
    { zh: '春节', en: 'Spring Festival', off: ['01-28..02-04'], work: ['01-26', '02-08'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-04..04-06'], work: [] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-05'], work: ['04-27'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['05-31..06-02'], work: [] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-05', '10-07..10-08'], work: ['09-28', '10-11'] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['10-06'], work: [] },
  ],
  2026: [
    { zh: '元旦', en: 'New Year\'s Day', off: ['01-01..01-03'], work: ['01-04'] },
    { zh: '春节', en: 'Spring Festival', off: ['02-15..02-23'], work: ['02-14', '02-28'] },
    { zh: '清明', en: 'Tomb-sweeping Day', off: ['04-04..04-06'], work: [] },
    { zh: '劳动节', en: 'Labour Day', off: ['05-01..05-05'], work: ['05-09'] },
    { zh: '端午', en: 'Dragon Boat Festival', off: ['06-19..06-21'], work: [] },
    { zh: '中秋', en: 'Mid-autumn Festival', off: ['09-25..09-27'], work: [] },
    { zh: '国庆节', en: 'National Day', off: ['10-01..10-07'], work: ['09-20', '10-10'] },
  ],
};
