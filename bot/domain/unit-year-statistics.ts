/**
 * The figures of a unit (with its subtree) for a campaign year, as staff report them
 * upward. Plain data: the chat reply, the chart and the export sheet render it.
 */
export interface StatisticCount {
  /** The code counted (status, category, field, tier, channel); null = not given. */
  code: string | null;
  /** Already in words (locales or tier configuration). */
  label: string;
  count: number;
}

export interface UnitYearStatistics {
  unitId: string;
  unitName: string;
  year: number;
  registrations: {
    total: number;
    byStatus: StatisticCount[];
    byCategory: StatisticCount[];
    byField: StatisticCount[];
    /** Recognised registrations by the highest tier recognised that year. */
    byTier: StatisticCount[];
  };
  /** Recognitions approved in the year. */
  recognitions: number;
  reports: {
    /** (registration, report kind) pairs whose configured deadline has passed. */
    due: number;
    /** Of those, how many were filed. */
    filedOfDue: number;
    /** Every report filed for the year's registrations. */
    filed: number;
    late: number;
  };
  /** Active subscribers interested in a unit of the subtree, by channel. */
  subscribersByChannel: StatisticCount[];
}
