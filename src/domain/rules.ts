import { z } from 'zod';

/** The rules of SPEC §2; every check and every violation names one. */
export const RULES = {
  R1: '每名律师担任法律顾问的村(社区)不超过上限(默认 8 个),任何角色均计入',
  R2: '实习人员不得独自担任法律顾问,只能与同所执业律师同组',
  R3: '团队模式:同所不同专长的律师组成团队,覆盖村的需求',
  R4: '所镇模式:一个律所服务一个镇的全部村,跨镇须相邻',
  R5: '双向选择:偏好为软约束,否决为硬约束',
  R6: '替换后重排:固定的分配必须保持,只在指定范围内变动',
  R7: '对口支援律师可跨市服务,路程从其服务驻点起算;其他律师只服务本市',
  R8: '每月至少一次现场服务',
  R9: '每月至少 8 小时服务,非现场至多 50%',
  R10: '弹性模式:半年现场 50 小时视同完成每月 8 小时',
  R11: '每年至多 2 次录播讲座替代现场讲座',
  R12: '法律夜校与周末现场服务',
  R13: '每村每年至少一次法治课、一次矛盾排查、一次法律咨询',
  R14: '公示牌与便民联系卡',
  R15: '考核:实际服务对照 R8–R11',
} as const;

/** Checks that are not one of R1–R15 but still hard: every village once, travel within range, schema. */
export const EXTRA_CHECKS = {
  COVERAGE: '每个村恰好出现一次:或有顾问,或列为未覆盖',
  TRAVEL: '路程不超过 maxTravelKm(固定分配除外)',
  METRICS: '报告的指标与方案一致',
  REFERENCE: '方案引用的编号须在情景中存在',
  SCHEDULE: '日程:访问在日历月份之内、先开始后结束,律师不同时身处两地,不在其不可用日期',
} as const;

export const RuleId = z.enum([
  ...(Object.keys(RULES) as (keyof typeof RULES)[]),
  ...(Object.keys(EXTRA_CHECKS) as (keyof typeof EXTRA_CHECKS)[]),
]);
export type RuleId = z.infer<typeof RuleId>;
