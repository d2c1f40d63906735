import type { AssignInput, Post, PostAssignment, PostInput, PostStats } from '../bindings'
import { invokeCmd } from './invoke'

export const postList = (orgId: number | null) => invokeCmd<Post[]>('post_list', { orgId })
export const postCreate = (input: PostInput) => invokeCmd<Post>('post_create', { input })
export const postUpdate = (id: number, input: PostInput) => invokeCmd<Post>('post_update', { id, input })
export const postDelete = (id: number) => invokeCmd<void>('post_delete', { id })
export const postHolders = (postId: number) => invokeCmd<PostAssignment[]>('post_holders', { postId })
export const postAssign = (input: AssignInput) => invokeCmd<PostAssignment>('post_assign', { input })
export const postEnd = (id: number, endOn: string) => invokeCmd<PostAssignment>('post_end', { id, endOn })
export const postStats = (orgId: number | null) => invokeCmd<PostStats>('post_stats', { orgId })
export const postMemberHistory = (memberId: number) => invokeCmd<PostAssignment[]>('post_member_history', { memberId })
