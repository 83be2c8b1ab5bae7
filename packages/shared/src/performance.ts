/** 绩效 (Art. 7): one department's figures for a month and its rank, as `GET /api/v1/analytics/performance` lists it. */
export interface DepartmentPerformance {
  departmentId: number;
  department: string;
  accepted: number;
  completed: number;
  onTime: number;
  /** 0..1 to four decimals; null when nothing was completed. */
  onTimeRate: number | null;
  averageWorkingDaysUsed: number | null;
  yellowCards: number;
  redCards: number;
  rectificationsClosed: number;
  rank: number;
}
