import type { Pairing, PairingInput, PairingStats, SupportInput, SupportRecord } from '../bindings'
import { invokeCmd } from './invoke'

export const pairingList = (orgId: number | null) => invokeCmd<Pairing[]>('pairing_list', { orgId })
export const pairingStats = (orgId: number | null) => invokeCmd<PairingStats>('pairing_stats', { orgId })
export const pairingCreate = (input: PairingInput) => invokeCmd<Pairing>('pairing_create', { input })
export const pairingEnd = (id: number, endOn: string) => invokeCmd<Pairing>('pairing_end', { id, endOn })
export const pairingSupportAdd = (input: SupportInput) => invokeCmd<SupportRecord>('pairing_support_add', { input })
export const pairingSupports = (pairingId: number) => invokeCmd<SupportRecord[]>('pairing_supports', { pairingId })
export const pairingScanPick = (id: number) => invokeCmd<Pairing | null>('pairing_scan_pick', { id })
