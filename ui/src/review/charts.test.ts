import { describe, expect, it } from 'vitest'
import type { CommunityRow, Statistics } from '../bindings'
import { coverageChart, difficultyChart, fundsChart, leaderVisitChart, pledgeChart } from './charts'
import { fenToWan, percentText, shortPeriod } from './figures'

type Series = { name?: string; data: (number | null)[] }
type Axis = { data: string[] }
const series = (o: object) => (o as { series: Series[] }).series
const axis = (o: object, which: 'xAxis' | 'yAxis') => (o as Record<string, Axis>)[which]

function row(name: string, shown: [number, number], withPost: [number, number]): CommunityRow {
  return {
    orgId: 1, name, township: '大街街道', onRoll: shown[1], shown: { count: shown[0], of: shown[1] },
    withPost: { count: withPost[0], of: withPost[1] }, pledges: 0, pledgesCompleted: 0, pledgesOverdue: 0, pairings: 0,
    fundsFen: 0, leaderVisits: { count: 0, of: 0 }, deputyVisits: { count: 0, of: 0 }, difficultiesOpen: 0,
    volunteerActivities: 0, shortfalls: [],
  }
}

// Only the parts the charts read; the rest of the statistics is not looked at.
const stats = {
  communities: [row('大街社区', [39, 40], [30, 40]), row('空社区', [0, 0], [0, 0])],
  pledges: { completed: 5, inProgress: 3, overdue: 2, notCompleted: 1, drafts: 4 },
  leaders: { months: [{ period: '2026-01', visited: { count: 3, of: 4 }, complete: true }, { period: '2026-02', visited: { count: 0, of: 0 }, complete: true }] },
  pairings: { fundsByUnit: Array.from({ length: 12 }, (_, i) => ({ unit: `单位${i + 1}`, fen: (12 - i) * 1_000_000 })) },
  difficulties: { months: [{ month: '2026-11', raised: 6, answered: 4 }] },
} as unknown as Statistics

describe('review charts', () => {
  it('draws identity and post coverage per community in per cent, an empty community at zero', () => {
    const o = coverageChart(stats)
    expect(axis(o, 'xAxis').data).toEqual(['大街社区', '空社区'])
    expect(series(o).map((s) => s.data)).toEqual([[97.5, 0], [75, 0]])
  })

  it('draws pledges by where they stand, in the order of the cycle', () => {
    expect(series(pledgeChart(stats))[0].data).toEqual([5, 3, 2, 1, 4])
  })

  it('leaves a month with nothing owed as a gap in the visit line, not as 0%', () => {
    const o = leaderVisitChart(stats)
    expect(axis(o, 'xAxis').data).toEqual(['1月', '2月'])
    expect(series(o)[0].data).toEqual([75, null])
  })

  it('draws the ten units that gave most, the largest at the top, in 万元', () => {
    const o = fundsChart(stats)
    expect(axis(o, 'yAxis').data).toHaveLength(10)
    const names = axis(o, 'yAxis').data
    expect(names[names.length - 1]).toBe('单位1')
    const wan = series(o)[0].data
    expect(wan[wan.length - 1]).toBe(12)
    expect(series(difficultyChart(stats)).map((s) => s.data)).toEqual([[6], [4]])
  })

  it('says so in grey when a chart has nothing to show, and only then', () => {
    const titles = (o: object) => (o as { title: { text: string }[] }).title.map((t) => t.text)
    const nothing = {
      communities: [],
      pledges: { completed: 0, inProgress: 0, overdue: 0, notCompleted: 0, drafts: 0 },
      leaders: { months: [{ period: '2026-02', visited: { count: 0, of: 0 }, complete: true }] },
      pairings: { fundsByUnit: [] },
      difficulties: { months: [{ month: '2026-11', raised: 0, answered: 0 }] },
    } as unknown as Statistics
    for (const chart of [coverageChart, pledgeChart, leaderVisitChart, fundsChart, difficultyChart]) {
      expect(titles(chart(nothing))).toEqual([expect.any(String), '本期没有记录'])
      expect(titles(chart(stats))).toHaveLength(1)
    }
  })

  it('reads figures as a secretary writes them', () => {
    expect(percentText({ count: 0, of: 0 })).toBe('—')
    expect(percentText({ count: 3504, of: 3560 })).toBe('98.4%')
    expect(fenToWan(45_000_000)).toBe(45)
    expect(fenToWan(123_456)).toBe(0.12)
    expect(shortPeriod('2026-Q4')).toBe('四季度')
  })
})
