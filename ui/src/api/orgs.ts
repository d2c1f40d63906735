import type { OrgInput, OrgNode, Organization } from '../bindings'
import { invokeCmd } from './invoke'

export const orgTree = () => invokeCmd<OrgNode[]>('org_tree')
export const orgCreate = (input: OrgInput) => invokeCmd<Organization>('org_create', { input })
export const orgRename = (id: number, name: string) => invokeCmd<Organization>('org_rename', { id, name })
export const orgMove = (id: number, parentId: number) => invokeCmd<Organization>('org_move', { id, parentId })
export const orgDelete = (id: number) => invokeCmd<void>('org_delete', { id })
