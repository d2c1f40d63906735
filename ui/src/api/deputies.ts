import type {
  Deputy,
  DeputyInput,
  DeputyVisit,
  DeputyVisitInput,
  MissingDeputyVisit,
  ReceptionInput,
  ReceptionPoint,
  Suggestion,
} from '../bindings'
import { invokeCmd } from './invoke'

export const deputyList = (orgId: number | null) => invokeCmd<Deputy[]>('deputy_list', { orgId })
export const deputyCreate = (input: DeputyInput) => invokeCmd<Deputy>('deputy_create', { input })
export const deputyPair = (deputyId: number, communityId: number | null, startOn: string) =>
  invokeCmd<Deputy>('deputy_pair', { deputyId, communityId, startOn })
export const receptionList = (orgId: number | null) => invokeCmd<ReceptionPoint[]>('reception_list', { orgId })
export const receptionAdd = (input: ReceptionInput) => invokeCmd<ReceptionPoint>('reception_add', { input })
export const receptionUpdate = (id: number, input: ReceptionInput) => invokeCmd<ReceptionPoint>('reception_update', { id, input })
export const receptionDelete = (id: number) => invokeCmd<void>('reception_delete', { id })
export const deputyVisitLog = (input: DeputyVisitInput) => invokeCmd<DeputyVisit>('deputy_visit_log', { input })
export const deputyVisitList = (orgId: number | null, period: string) => invokeCmd<DeputyVisit[]>('deputy_visit_list', { orgId, period })
export const deputyMissing = (orgId: number | null, period: string) => invokeCmd<MissingDeputyVisit[]>('deputy_missing', { orgId, period })
export const suggestionOpen = (orgId: number | null) => invokeCmd<Suggestion[]>('suggestion_open', { orgId })
export const suggestionReply = (id: number, repliedOn: string, reply: string) =>
  invokeCmd<Suggestion>('suggestion_reply', { id, repliedOn, reply })
export const deputyVisitDelete = (id: number) => invokeCmd<void>('deputy_visit_delete', { id })
export const deputyUnpair = (deputyId: number, communityId: number, endOn: string) =>
  invokeCmd<Deputy>('deputy_unpair', { deputyId, communityId, endOn })
export const deputyUpdate = (id: number, input: DeputyInput) => invokeCmd<Deputy>('deputy_update', { id, input })
export const deputyDelete = (id: number) => invokeCmd<void>('deputy_delete', { id })
