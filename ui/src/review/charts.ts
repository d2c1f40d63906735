// The review page's charts as ECharts options, built from the statistics alone. Colours differ
// in lightness and every series carries a pattern (decal), so a chart printed in grey still
// tells its series apart.
import type { EChartsCoreOption } from 'echarts/core'
import type { Statistics } from '../bindings'
import { fenToWan, percent, shortPeriod } from './figures'

export const CHART_WORDS = {
  shown: '亮身份',
  withPost: '认岗定责',
  coverage: '亮身份、认岗定责覆盖率（%）',
  pledges: '承诺完成情况（件）',
  completed: '已完成',
  inProgress: '进行中',
  overdue: '已逾期',
  notCompleted: '未完成',
  drafts: '未公示',
  leaderVisits: '联系领导按月走访率（%）',
  rate: '走访率',
  funds: '共建单位投入资金（万元）',
  difficulties: '群众诉求反映与反馈（件）',
  raised: '反映',
  answered: '反馈',
  empty: '本期没有记录',
} as const

/** Dark red, near black, mid and light grey: four lightnesses a grey printer keeps apart. */
export const PALETTE = ['#c8161d', '#374151', '#9ca3af', '#d1d5db', '#7f1d1d']

const W = CHART_WORDS
const base = (title: string, empty = false): EChartsCoreOption => ({
  color: PALETTE,
  aria: { enabled: true, decal: { show: true } },
  animation: false,
  ...titled(title, empty),
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
})

/** The title, and when the chart has nothing to show, a grey line saying so in its middle. */
function titled(title: string, empty: boolean): Pick<EChartsCoreOption, 'title'> {
  const main = { text: title, left: 0, textStyle: { fontSize: 14, fontWeight: 600, color: '#1f2329' } }
  const note = { text: W.empty, left: 'center', top: 'middle', textStyle: { fontSize: 13, fontWeight: 400, color: '#9ca3af' } }
  return { title: empty ? [main, note] : [main] }
}

/** Identity and post coverage per community: two bars each, in per cent. */
export function coverageChart(s: Statistics): EChartsCoreOption {
  const rows = s.communities
  return {
    ...base(W.coverage, rows.length === 0),
    legend: { top: 22, right: 0, data: [W.shown, W.withPost] },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 40 : 0 } },
    yAxis: { type: 'value', max: 100 },
    series: [
      { name: W.shown, type: 'bar', data: rows.map((r) => percent(r.shown) ?? 0) },
      { name: W.withPost, type: 'bar', data: rows.map((r) => percent(r.withPost) ?? 0) },
    ],
  }
}

/** Pledges by where they stand at the period's end. */
export function pledgeChart(s: Statistics): EChartsCoreOption {
  const p = s.pledges
  const bars: [string, number][] = [
    [W.completed, p.completed],
    [W.inProgress, p.inProgress],
    [W.overdue, p.overdue],
    [W.notCompleted, p.notCompleted],
    [W.drafts, p.drafts],
  ]
  return {
    ...base(W.pledges, bars.every((b) => b[1] === 0)),
    xAxis: { type: 'category', data: bars.map((b) => b[0]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        colorBy: 'data',
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: bars.map((b) => b[1]),
      },
    ],
  }
}

/** The monthly visit rule over the period: the share of owed pairs visited, month by month. */
export function leaderVisitChart(s: Statistics): EChartsCoreOption {
  const months = s.leaders.months
  return {
    ...base(W.leaderVisits, months.every((m) => m.visited.of === 0)),
    xAxis: { type: 'category', data: months.map((m) => shortPeriod(m.period)) },
    yAxis: { type: 'value', max: 100 },
    series: [
      {
        name: W.rate,
        type: 'line',
        symbolSize: 8,
        label: { show: months.length <= 12, position: 'top' },
        data: months.map((m) => percent(m.visited)),
      },
    ],
  }
}

/** Funds given within the period per unit, largest first (the top ten). */
export function fundsChart(s: Statistics): EChartsCoreOption {
  const units = s.pairings.fundsByUnit.slice(0, 10).reverse()
  return {
    ...base(W.funds, units.length === 0),
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: units.map((u) => u.unit) },
    series: [{ type: 'bar', barMaxWidth: 24, label: { show: true, position: 'right' }, data: units.map((u) => fenToWan(u.fen)) }],
  }
}

/** Difficulties raised and answered back, month by month. */
export function difficultyChart(s: Statistics): EChartsCoreOption {
  const months = s.difficulties.months
  return {
    ...base(W.difficulties, months.every((m) => m.raised === 0 && m.answered === 0)),
    legend: { top: 22, right: 0, data: [W.raised, W.answered] },
    xAxis: { type: 'category', data: months.map((m) => shortPeriod(m.month)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: W.raised, type: 'bar', data: months.map((m) => m.raised) },
      { name: W.answered, type: 'bar', data: months.map((m) => m.answered) },
    ],
  }
}
