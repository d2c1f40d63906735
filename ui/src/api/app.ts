import type { AppInfo, Catalog, Change, DemoSummary, HomeStats, PracticeFigure, Reminder } from '../bindings'
import { invokeCmd } from './invoke'

export const appInfo = () => invokeCmd<AppInfo>('app_info')
export const catalogGet = () => invokeCmd<Catalog>('catalog_get')
export const homeStats = (orgId: number | null) => invokeCmd<HomeStats>('home_stats', { orgId })
export const demoLoad = () => invokeCmd<DemoSummary>('demo_load')
export const preferenceGet = (key: string) => invokeCmd<string | null>('preference_get', { key })
export const preferenceSet = (key: string, value: string) => invokeCmd<void>('preference_set', { key, value })
export const reminders = (orgId: number | null) => invokeCmd<Reminder[]>('reminders', { orgId })
export const homePractice = (orgId: number | null) => invokeCmd<PracticeFigure[]>('home_practice', { orgId })
export const homeChanges = (orgId: number | null) => invokeCmd<Change[]>('home_changes', { orgId })
