import type { Member, MemberInput, MemberPage, MemberQuery, StatusChange } from '../bindings'
import { invokeCmd } from './invoke'

export const memberSearch = (query: MemberQuery) => invokeCmd<MemberPage>('member_search', { query })
export const memberGet = (id: number) => invokeCmd<Member>('member_get', { id })
export const memberCreate = (input: MemberInput) => invokeCmd<Member>('member_create', { input })
export const memberUpdate = (id: number, input: MemberInput) => invokeCmd<Member>('member_update', { id, input })
export const memberSetStatus = (id: number, change: StatusChange) =>
  invokeCmd<Member>('member_set_status', { id, change })
export const memberDelete = (id: number) => invokeCmd<void>('member_delete', { id })
export const memberPhotoPick = (id: number) => invokeCmd<boolean>('member_photo_pick', { id })
export const memberPhotoClear = (id: number) => invokeCmd<void>('member_photo_clear', { id })
export const memberPhotoGet = (id: number) => invokeCmd<string | null>('member_photo_get', { id })
