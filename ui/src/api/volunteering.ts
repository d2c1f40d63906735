import type { Activity, ActivityInput, MemberHours, Participant } from '../bindings'
import { invokeCmd } from './invoke'

export const volunteerRecord = (input: ActivityInput) => invokeCmd<Activity>('volunteer_record', { input })
export const volunteerList = (orgId: number | null, period: string) => invokeCmd<Activity[]>('volunteer_list', { orgId, period })
export const volunteerMemberHours = (orgId: number | null, period: string) =>
  invokeCmd<MemberHours[]>('volunteer_member_hours', { orgId, period })
export const volunteerDelete = (id: number) => invokeCmd<void>('volunteer_delete', { id })
export const volunteerUpdate = (id: number, input: ActivityInput) => invokeCmd<Activity>('volunteer_update', { id, input })
export const volunteerParticipants = (id: number) => invokeCmd<Participant[]>('volunteer_participants', { id })
