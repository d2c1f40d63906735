// State every page shares: the vocabularies, the organization tree, and the organization that
// scopes every page (kept between starts through the core's preferences).
import { computed, reactive, watch } from 'vue'
import type { AppInfo, Catalog, MemberQuery, OrgKind, OrgNode } from './bindings'
import { appInfo, catalogGet, orgTree, preferenceGet, preferenceSet } from './api/commands'
import { reportError } from './utils/errors'
import { WORDS } from './utils/words'

export const store = reactive({
  info: null as AppInfo | null,
  catalog: null as Catalog | null,
  tree: [] as OrgNode[],
  currentOrgId: null as number | null,
  /** Members ticked in the roster for the print centre (empty: print by scope). */
  printIds: [] as number[],
  /** A zone chosen on the zones page for its 责任区牌. */
  printZoneIds: [] as number[],
  /** Or the roster's filter and how many it found, when nothing was ticked. */
  printQuery: null as { query: MemberQuery; total: number } | null,
  /** Bumped after any change to organizations or members, so pages reload their figures. */
  revision: 0,
})

/** The name of the organization every page is scoped to, or 全部组织. */
export const scopeName = computed(() => findNode(store.tree, store.currentOrgId)?.name ?? WORDS.scopeAll)

/** Loads a page's data now and again whenever the organization in scope changes, the data
 * changes (`changed()`), or what `also` reads changes; a failure is reported and the page keeps
 * what it showed. */
export function loadInScope(load: () => Promise<unknown>, also: () => unknown = () => null) {
  const run = async () => {
    try {
      await load()
    } catch (e) {
      reportError(e)
    }
  }
  watch(() => [store.currentOrgId, store.revision, also()], run, { immediate: true })
}

export function findNode(nodes: OrgNode[], id: number | null): OrgNode | null {
  for (const n of nodes) {
    if (n.id === id) return n
    const found = findNode(n.children, id)
    if (found) return found
  }
  return null
}

/** The mark of the imported organization at or above `id` (read-only here), if any. */
export function importedAbove(id: number | null): string | null {
  const walk = (nodes: OrgNode[], above: string | null): string | null | undefined => {
    for (const n of nodes) {
      const mark = n.imported ?? above
      if (n.id === id) return mark
      const found = walk(n.children, mark)
      if (found !== undefined) return found
    }
    return undefined
  }
  return id === null ? null : (walk(store.tree, null) ?? null)
}

export function label(
  kind:
    | 'categories'
    | 'statuses'
    | 'genders'
    | 'orgKinds'
    | 'unitKinds'
    | 'markTypes'
    | 'postKinds'
    | 'postHows'
    | 'zoneItemKinds'
    | 'pledgeStatuses'
    | 'appraisers'
    | 'ratings'
    | 'supportKinds'
    | 'leaderLevels'
    | 'visitKinds'
    | 'difficultyStatuses'
    | 'deputyRoles'
    | 'participantKinds'
    | 'recordKinds'
    | 'recordAreas'
    | 'historyActions',
  code: string | null | undefined,
) {
  return store.catalog?.[kind].find((o) => o.value === code)?.label ?? ''
}

export async function refreshTree() {
  store.tree = await orgTree()
  if (store.currentOrgId !== null && !findNode(store.tree, store.currentOrgId)) {
    await setCurrentOrg(null)
  }
}

export async function setCurrentOrg(id: number | null) {
  store.currentOrgId = id
  await preferenceSet('currentOrgId', id === null ? '' : String(id))
}

export function changed() {
  store.revision++
}

export async function boot() {
  const [info, catalog] = await Promise.all([appInfo(), catalogGet()])
  store.info = info
  if (info.startupError) return
  store.catalog = catalog
  const [saved] = await Promise.all([preferenceGet('currentOrgId'), refreshTree()])
  const id = saved ? Number(saved) : null
  store.currentOrgId = id !== null && findNode(store.tree, id) ? id : null
}

let started: Promise<void> | undefined

/** The start-up reads, begun by `main.ts` before the page is mounted so the core answers while
 * the page renders; the frame awaits the same reads. */
export function startBoot(): Promise<void> {
  started ??= boot()
  return started
}

/** After the data as a whole was replaced (demo loaded or cleared, a backup restored): read
 * everything again, then every page reloads. */
export async function reloadAll() {
  await boot()
  changed()
}

function nodesOfKind(nodes: OrgNode[], kinds: OrgKind[]): OrgNode[] {
  return nodes.flatMap((n) => [...(kinds.includes(n.kind) ? [n] : []), ...nodesOfKind(n.children, kinds)])
}

function inScope(kinds: OrgKind[]): OrgNode[] {
  const root = findNode(store.tree, store.currentOrgId)
  return nodesOfKind(root ? [root] : store.tree, kinds)
}

/** The communities inside the organization chosen in the title bar (all, when none is chosen). */
export const communitiesInScope = () => inScope(['community'])

/** The community a new record belongs to when the scope holds just one, else null (to choose). */
export function onlyCommunity(): number | null {
  const all = communitiesInScope()
  return all.length === 1 ? all[0].id : null
}

/** Every unit (机关单位, enterprise, social organization), whatever the scope. */
export const allUnits = () => nodesOfKind(store.tree, ['unit'])

/** Communities and branches in scope: the organizations that make 党组织承诺. */
export const partyOrgsInScope = () => inScope(['community', 'branch'])

/** The tree for choosing where members are registered: only communities and branches can be picked. */
export function memberOrgs(nodes: OrgNode[]): unknown[] {
  return nodes.map((n) => ({
    id: n.id,
    name: n.name,
    disabled: !(n.kind === 'community' || n.kind === 'branch'),
    children: memberOrgs(n.children.filter((c) => c.kind !== 'unit')),
  }))
}
