import type { AdvanceInput, DiaryEntry, Difficulty, Leader, LeaderInput, MissingVisit, Visit, VisitInput } from '../bindings'
import { invokeCmd } from './invoke'

export const leaderList = (orgId: number | null) => invokeCmd<Leader[]>('leader_list', { orgId })
export const leaderCreate = (input: LeaderInput) => invokeCmd<Leader>('leader_create', { input })
export const leaderAssign = (leaderId: number, communityId: number | null, startOn: string) =>
  invokeCmd<Leader>('leader_assign', { leaderId, communityId, startOn })
export const leaderUnassign = (leaderId: number, communityId: number, endOn: string) =>
  invokeCmd<Leader>('leader_unassign', { leaderId, communityId, endOn })
export const visitLog = (input: VisitInput) => invokeCmd<Visit>('visit_log', { input })
export const visitList = (orgId: number | null, period: string | null) => invokeCmd<Visit[]>('visit_list', { orgId, period })
export const visitMissing = (orgId: number | null, period: string) => invokeCmd<MissingVisit[]>('visit_missing', { orgId, period })
export const difficultyOpen = (orgId: number | null) => invokeCmd<Difficulty[]>('difficulty_open', { orgId })
export const difficultyAdvance = (input: AdvanceInput) => invokeCmd<Difficulty>('difficulty_advance', { input })
export const diaryList = (orgId: number | null, period: string) => invokeCmd<DiaryEntry[]>('diary_list', { orgId, period })
export const diaryAdd = (leaderId: number, communityId: number, writtenOn: string, text: string) =>
  invokeCmd<void>('diary_add', { leaderId, communityId, writtenOn, text })
export const visitDelete = (id: number) => invokeCmd<void>('visit_delete', { id })
export const leaderUpdate = (id: number, input: LeaderInput) => invokeCmd<Leader>('leader_update', { id, input })
export const leaderDelete = (id: number) => invokeCmd<void>('leader_delete', { id })
export const diaryUpdate = (id: number, writtenOn: string, text: string) => invokeCmd<void>('diary_update', { id, writtenOn, text })
export const diaryDelete = (id: number) => invokeCmd<void>('diary_delete', { id })
