import type { CoverInput, Zone, ZoneInput, ZoneItem, ZoneItemsInput } from '../bindings'
import { invokeCmd } from './invoke'

export const zoneList = (orgId: number | null) => invokeCmd<Zone[]>('zone_list', { orgId })
export const zoneCreate = (input: ZoneInput) => invokeCmd<Zone>('zone_create', { input })
export const zoneItemsAdd = (input: ZoneItemsInput) => invokeCmd<ZoneItem[]>('zone_items_add', { input })
export const zoneItems = (zoneId: number) => invokeCmd<ZoneItem[]>('zone_items', { zoneId })
export const zoneCover = (input: CoverInput) => invokeCmd<ZoneItem[]>('zone_cover', { input })
export const zoneRelease = (itemId: number) => invokeCmd<void>('zone_release', { itemId })
export const zoneUncovered = (orgId: number | null) => invokeCmd<ZoneItem[]>('zone_uncovered', { orgId })
export const zoneMemberItems = (memberId: number) => invokeCmd<ZoneItem[]>('zone_member_items', { memberId })
export const zoneRename = (id: number, name: string) => invokeCmd<Zone>('zone_rename', { id, name })
export const zoneDelete = (id: number) => invokeCmd<number>('zone_delete', { id })
export const zoneItemRename = (itemId: number, name: string) => invokeCmd<ZoneItem>('zone_item_rename', { itemId, name })
export const zoneItemDelete = (itemId: number) => invokeCmd<void>('zone_item_delete', { itemId })
