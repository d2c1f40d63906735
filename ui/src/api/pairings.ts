import type { AgreementInput, HelpPair, HelpPairInput, HelpRecord, Pairing, PairingInput, PairingStats, SupportInput, SupportRecord } from '../bindings'
import { invokeCmd } from './invoke'

export const pairingList = (orgId: number | null) => invokeCmd<Pairing[]>('pairing_list', { orgId })
export const pairingStats = (orgId: number | null) => invokeCmd<PairingStats>('pairing_stats', { orgId })
export const pairingCreate = (input: PairingInput) => invokeCmd<Pairing>('pairing_create', { input })
export const pairingEnd = (id: number, endOn: string) => invokeCmd<Pairing>('pairing_end', { id, endOn })
export const pairingSupportAdd = (input: SupportInput) => invokeCmd<SupportRecord>('pairing_support_add', { input })
export const pairingSupports = (pairingId: number) => invokeCmd<SupportRecord[]>('pairing_supports', { pairingId })
export const pairingScanPick = (id: number) => invokeCmd<Pairing | null>('pairing_scan_pick', { id })
export const helpPairList = (orgId: number | null) => invokeCmd<HelpPair[]>('help_pair_list', { orgId })
export const helpPairCreate = (input: HelpPairInput) => invokeCmd<HelpPair>('help_pair_create', { input })
export const helpRecordAdd = (pairId: number, helpedOn: string, text: string) => invokeCmd<HelpPair>('help_record_add', { pairId, helpedOn, text })
export const helpRecords = (pairId: number) => invokeCmd<HelpRecord[]>('help_records', { pairId })
export const pairingSupportDelete = (id: number) => invokeCmd<void>('pairing_support_delete', { id })
export const pairingAgreementUpdate = (id: number, input: AgreementInput) => invokeCmd<Pairing>('pairing_agreement_update', { id, input })
export const helpPairEnd = (id: number, endOn: string) => invokeCmd<HelpPair>('help_pair_end', { id, endOn })
export const pairingSupportUpdate = (id: number, input: SupportInput) => invokeCmd<SupportRecord>('pairing_support_update', { id, input })
