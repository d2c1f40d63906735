import type { BulkMark, BulkMarkResult, IdentityMark, IdentitySummary, MemberPage } from '../bindings'
import { invokeCmd } from './invoke'

export const identityMarkBulk = (bulk: BulkMark) => invokeCmd<BulkMarkResult>('identity_mark_bulk', { bulk })
export const identitySummary = (orgId: number | null) => invokeCmd<IdentitySummary>('identity_summary', { orgId })
export const identityNotShown = (orgId: number | null, page: number, pageSize: number) =>
  invokeCmd<MemberPage>('identity_not_shown', { orgId, page, pageSize })
export const identityMemberMarks = (memberId: number) => invokeCmd<IdentityMark[]>('identity_member_marks', { memberId })
export const identityMarkRemove = (id: number) => invokeCmd<void>('identity_mark_remove', { id })
