import type {
  AppraisalInput,
  CloseInput,
  CopySummary,
  Evidence,
  Pledge,
  PledgeInput,
  PledgePage,
  PledgeQuery,
  PledgeRow,
  ProgressInput,
} from '../bindings'
import { invokeCmd } from './invoke'

export const pledgeSearch = (query: PledgeQuery) => invokeCmd<PledgePage>('pledge_search', { query })
export const pledgeGet = (id: number) => invokeCmd<Pledge>('pledge_get', { id })
export const pledgeCreate = (input: PledgeInput) => invokeCmd<Pledge>('pledge_create', { input })
export const pledgeUpdate = (id: number, input: PledgeInput) => invokeCmd<Pledge>('pledge_update', { id, input })
export const pledgePublish = (id: number, publishedOn: string) => invokeCmd<Pledge>('pledge_publish', { id, publishedOn })
export const pledgeDelete = (id: number) => invokeCmd<void>('pledge_delete', { id })
export const pledgeCopyYear = (orgId: number | null, fromYear: number, toYear: number) =>
  invokeCmd<CopySummary>('pledge_copy_year', { orgId, fromYear, toYear })
export const pledgeOfMember = (memberId: number) => invokeCmd<PledgeRow[]>('pledge_of_member', { memberId })
export const pledgeProgressAdd = (input: ProgressInput) => invokeCmd<Pledge>('pledge_progress_add', { input })
export const pledgeClose = (input: CloseInput) => invokeCmd<Pledge>('pledge_close', { input })
export const pledgeAppraise = (input: AppraisalInput) => invokeCmd<Pledge>('pledge_appraise', { input })
export const pledgeEvidencePick = (progressId: number) => invokeCmd<Evidence[]>('pledge_evidence_pick', { progressId })
export const pledgeEvidenceOpen = (id: number) => invokeCmd<void>('pledge_evidence_open', { id })
export const pledgeEvidenceRemove = (id: number) => invokeCmd<void>('pledge_evidence_remove', { id })
