// Generated from the Rust structs by src-tauri/bindings.rs. Do not edit.

export type ErrorKind = "validation" | "needs_confirmation" | "not_found" | "conflict" | "storage" | "io" | "cancelled" | "internal";

export type IpcError = { kind: ErrorKind, message: string, field?: string, 
/**
 * The technical text behind the message (SQLite's or the system's), for 详情.
 */
detail?: string, };

export type AppInfo = { version: string, dataDir: string, 
/**
 * Set when the database could not be opened or upgraded; the file was left untouched.
 */
startupError: string | null, 
/**
 * Whether the database holds no organizations yet (the UI then offers the demo data).
 */
empty: boolean, 
/**
 * Whether demo data is loaded (the home page then offers 清除示例数据).
 */
demo: boolean, 
/**
 * Today's date as the app sees it (YYYY-MM-DD).
 */
today: string, };

export type Category = "in_service" | "no_post" | "committee" | "stationed_frontline" | "window_post" | "enterprise_frontline";

export type MemberStatus = "active" | "transferred" | "deceased";

export type Gender = "male" | "female";

export type OrgKind = "county" | "township" | "community" | "branch" | "unit";

export type UnitKind = "organ" | "enterprise" | "social";

export type CatalogOption = { value: string, label: string, };

export type AllowedChildren = { kind: OrgKind, children: Array<OrgKind>, };

export type Catalog = { categories: Array<CatalogOption>, statuses: Array<CatalogOption>, genders: Array<CatalogOption>, orgKinds: Array<CatalogOption>, unitKinds: Array<CatalogOption>, markTypes: Array<CatalogOption>, postKinds: Array<CatalogOption>, postHows: Array<CatalogOption>, zoneItemKinds: Array<CatalogOption>, pledgeStatuses: Array<CatalogOption>, appraisers: Array<CatalogOption>, ratings: Array<CatalogOption>, supportKinds: Array<CatalogOption>, leaderLevels: Array<CatalogOption>, visitKinds: Array<CatalogOption>, difficultyStatuses: Array<CatalogOption>, deputyRoles: Array<CatalogOption>, participantKinds: Array<CatalogOption>, recordKinds: Array<CatalogOption>, recordAreas: Array<CatalogOption>, historyActions: Array<CatalogOption>, shifts: Array<CatalogOption>, planWhos: Array<CatalogOption>, planStatuses: Array<CatalogOption>, volunteerOrganizers: Array<string>, serviceTypes: Array<string>, 
/**
 * Recommended pledge themes per category code; `organization` for 党组织承诺.
 */
pledgeThemes: Array<PledgeThemes>, ethnicities: Array<string>, educations: Array<string>, 
/**
 * Which kinds of organization may be created under each kind (the core enforces it).
 */
allowedChildren: Array<AllowedChildren>, };

export type Organization = { id: number, uuid: string, parentId: number | null, kind: OrgKind, unitKind: UnitKind | null, stationedIn: number | null, name: string, path: string, };

export type OrgNode = { 
/**
 * Members on the roll (在册) in this organization and everything under it.
 */
activeMembers: number, 
/**
 * For an organization imported from an exchange file (read-only here): where and when it
 * came from, in words.
 */
imported: string | null, children: Array<OrgNode>, id: number, uuid: string, parentId: number | null, kind: OrgKind, unitKind: UnitKind | null, stationedIn: number | null, name: string, path: string, };

export type OrgInput = { parentId: number | null, kind: OrgKind, unitKind: UnitKind | null, stationedIn: number | null, name: string, };

export type OrgChain = { county: string, township: string, community: string, };

export type Member = { id: number, uuid: string, orgId: number, orgName: string, name: string, gender: Gender, ethnicity: string, birthDate: string, joinedOn: string, education: string, idNumber: string | null, phone: string, address: string, workUnit: string, category: Category, status: MemberStatus, statusDate: string | null, notes: string, hasPhoto: boolean, 
/**
 * The version the form keeps and sends back with its save (see `common::versions`).
 */
version: number, };

export type MemberRow = { id: number, name: string, gender: Gender, ethnicity: string, birthDate: string, joinedOn: string, orgId: number, orgName: string, category: Category, status: MemberStatus, statusDate: string | null, idNumberMasked: string, phoneMasked: string, 
/**
 * The post the member holds now (亮职责), if any.
 */
postName: string | null, };

export type MemberInput = { orgId: number | null, name: string, gender: Gender | null, ethnicity: string, birthDate: string, joinedOn: string, education: string, idNumber: string, phone: string, address: string, workUnit: string, category: Category | null, notes: string, 
/**
 * Set after the user confirmed that a same-name, same-birth-date member is a different person.
 */
confirmDuplicate: boolean, 
/**
 * The version the form opened (`Member::version`); a save over a newer one is refused.
 */
version: number | null, };

export type MemberSort = "name" | "birth_date" | "joined_on" | "organization" | "created_at";

export type MemberQuery = { 
/**
 * Organization subtree to search in; none for everything.
 */
orgId: number | null, 
/**
 * Name, pinyin (full or initials), or the tail of a phone or ID number.
 */
text: string, category: Category | null, status: MemberStatus | null, sort: MemberSort, descending: boolean, 
/**
 * 1-based.
 */
page: number, pageSize: number, };

export type MemberPage = { rows: Array<MemberRow>, total: number, };

export type StatusChange = { status: MemberStatus, 
/**
 * Required for 转出 and 去世.
 */
date: string | null, };

export type ImportColumn = "name" | "gender" | "ethnicity" | "birthDate" | "joinedOn" | "idNumber" | "phone" | "org" | "category" | "education" | "workUnit" | "address" | "notes";

export type CellIssue = { column: ImportColumn | null, message: string, };

export type OnDuplicate = "skip" | "update";

export type ImportOptions = { 
/**
 * The organization of rows that name none.
 */
orgId: number | null, 
/**
 * The category of rows that give none.
 */
category: Category | null, onDuplicate: OnDuplicate, 
/**
 * Which sheet of a workbook; none for the first that has a header.
 */
sheet: number | null, 
/**
 * The columns as re-mapped by hand, one per header cell; none for the recognised ones.
 */
columns: Array<ImportColumn | null> | null, 
/**
 * 所在支部 names the tree lacks become new branches of `org_id` (a community), created with
 * the import.
 */
newBranches: boolean, };

export type RowOutcome = "new" | "update" | "skip" | "error";

export type ColumnChoice = { column: ImportColumn, label: string, required: boolean, };

export type Duplicate = { memberId: number, name: string, orgName: string, };

export type PreviewRow = { 
/**
 * The row's number as Excel shows it.
 */
line: number, 
/**
 * Each header cell's value as text (ID numbers and phones unmasked: the secretary is
 * checking her own file).
 */
values: Array<string>, outcome: RowOutcome, errors: Array<CellIssue>, warnings: Array<CellIssue>, duplicate: Duplicate | null, };

export type ImportCounts = { rows: number, new: number, update: number, skip: number, error: number, };

export type ImportPreview = { 
/**
 * The fields a column can be re-mapped to.
 */
choices: Array<ColumnChoice>, sheets: Array<string>, sheet: number, 
/**
 * The header's row number as Excel shows it.
 */
headerLine: number, headers: Array<string>, columns: Array<ImportColumn | null>, 
/**
 * Required columns the file lacks (and no default stands in for).
 */
missing: Array<ImportColumn>, rows: Array<PreviewRow>, counts: ImportCounts, 
/**
 * The branches the import will create under the organization chosen (`new_branches`), for
 * the rows it will write.
 */
newBranches: Array<string>, };

export type ImportReport = { created: number, updated: number, skipped: number, errors: number, 
/**
 * New branches created for the rows that named them.
 */
branches: number, };

export type BackupInfo = { path: string, 
/**
 * When the snapshot was taken (UTC, RFC 3339).
 */
createdAt: string, appVersion: string, schemaVersion: number, organizations: number, members: number, 
/**
 * Photos, evidence, scans and the emblem.
 */
files: number, bytes: number, };

export type Restored = { restored: BackupInfo, aside: BackupInfo, 
/**
 * The data could not be swapped while the program runs (a file still in use, as Windows
 * can report): the restore is ready and is finished at the next start, before the
 * database opens. Until then the current data are open and must not be changed.
 */
finishAtRestart: boolean, };

export type LastBackup = { 
/**
 * When it was taken (UTC, RFC 3339).
 */
at: string, path: string, automatic: boolean, 
/**
 * Why it failed, in Chinese; `None` when it was written.
 */
failed: string | null, };

export type BackupStatus = { folder: string, last: LastBackup | null, 
/**
 * Automatic backups kept in the folder.
 */
automatic: number, keepDays: number, keepWeeks: number, keepMonths: number, };

export type LabeledCount = { code: string, label: string, count: number, };

export type HomeStats = { 
/**
 * Organizations in the whole database, per kind.
 */
organizations: Array<LabeledCount>, 
/**
 * Members in the scope per status (在册 / 转出 / 去世).
 */
byStatus: Array<LabeledCount>, 
/**
 * Members on the roll in the scope per category.
 */
byCategory: Array<LabeledCount>, activeMembers: number, };

export type PracticeFigure = { code: string, label: string, count: number, unit: string, route: string, };

export type DemoScale = "community" | "county";

export type DemoSummary = { organizations: number, members: number, };

export type DemoCleared = { organizations: number, members: number, 
/**
 * Every row removed, of every table.
 */
records: number, };

export type MarkType = "badge" | "vanguard_post" | "model_post" | "responsibility_zone" | "work_pass";

export type IdentityMark = { id: number, memberId: number, markType: MarkType, shownOn: string, place: string, };

export type MemberSelection = { "ids": Array<number> } | { "query": MemberQuery };

export type BulkMark = { selection: MemberSelection, markType: MarkType, 
/**
 * YYYY-MM-DD; not in the future.
 */
shownOn: string, 
/**
 * 窗口, 岗位 … (optional).
 */
place: string, };

export type BulkMarkResult = { 
/**
 * Members who now hold the mark for the first time.
 */
recorded: number, 
/**
 * Members who already held it (left as they were).
 */
already: number, 
/**
 * Members not on the roll (转出/去世), left out.
 */
skipped: number, };

export type IdentitySummary = { 
/**
 * Members on the roll in the subtree.
 */
activeMembers: number, 
/**
 * Of those, members holding at least one mark.
 */
shown: number, notShown: number, 
/**
 * Members on the roll holding each kind of mark.
 */
byType: Array<LabeledCount>, };

export type PostKind = "vanguard" | "model" | "service" | "zone";

export type PostHow = "claimed" | "assigned";

export type Post = { id: number, communityId: number, communityName: string, name: string, kind: PostKind, duties: string, capacity: number, 
/**
 * Members holding the post now.
 */
holders: number, 
/**
 * The change log's position when this was read: the form sends it back with its save
 * (see `common::versions`).
 */
version: number, };

export type PostInput = { communityId: number | null, name: string, kind: PostKind | null, duties: string, capacity: number, 
/**
 * The version the form opened (the record's `version`); a save over a later change is refused.
 */
version: number | null, };

export type PostAssignment = { id: number, postId: number, postName: string, memberId: number, memberName: string, how: PostHow, startOn: string, endOn: string | null, };

export type AssignInput = { postId: number, memberId: number | null, how: PostHow, startOn: string, };

export type PostStats = { activeMembers: number, 
/**
 * Members on the roll holding a post now ("已有N名社区党员认岗定责").
 */
withPost: number, claimed: number, assigned: number, posts: number, };

export type ZoneItemKind = "lane" | "building" | "household";

export type Zone = { id: number, communityId: number, communityName: string, name: string, items: number, covered: number, 
/**
 * Names of the members covering its items.
 */
members: Array<string>, };

export type ZoneItem = { id: number, zoneId: number, zoneName: string, kind: ZoneItemKind, name: string, memberId: number | null, memberName: string | null, };

export type ZoneInput = { communityId: number | null, name: string, };

export type ZoneItemsInput = { zoneId: number, kind: ZoneItemKind, 
/**
 * One item per line (e.g. 湖滨巷, 湖滨巷2号).
 */
names: string, };

export type CoverInput = { itemIds: Array<number>, memberId: number | null, };

export type PledgeStatus = "draft" | "published" | "overdue" | "completed" | "not_completed";

export type Appraiser = "organization" | "members" | "residents";

export type Rating = "satisfied" | "fair" | "unsatisfied";

export type PledgeThemes = { category: Category | null, themes: Array<string>, };

export type PledgeItem = { id: number, seq: number, content: string, measures: string, owner: string, deadline: string | null, doneOn: string | null, overdue: boolean, flags: Array<string>, };

export type Progress = { id: number, itemId: number | null, itemSeq: number | null, enteredOn: string, text: string, evidence: Array<Evidence>, };

export type Evidence = { id: number, progressId: number, originalName: string, bytes: number, };

export type Appraisal = { id: number, appraiser: Appraiser, rating: Rating, comment: string, appraisedOn: string, };

export type Pledge = { id: number, year: number, memberId: number | null, orgId: number | null, 
/**
 * The member's name, or the organization's for 党组织承诺.
 */
ownerName: string, 
/**
 * The member's organization, or the organization itself.
 */
orgName: string, category: Category | null, status: PledgeStatus, pledgedOn: string, publishedOn: string | null, closedOn: string | null, items: Array<PledgeItem>, progress: Array<Progress>, appraisals: Array<Appraisal>, 
/**
 * The change log's position when this was read: the form sends it back with its save
 * (see `common::versions`).
 */
version: number, };

export type PledgeRow = { id: number, year: number, memberId: number | null, orgId: number | null, ownerName: string, orgName: string, category: Category | null, status: PledgeStatus, items: number, done: number, overdueItems: number, 
/**
 * The earliest deadline of an item not yet done.
 */
nextDeadline: string | null, publishedOn: string | null, appraisals: number, };

export type PledgeQuery = { orgId: number | null, year: number | null, status: PledgeStatus | null, 
/**
 * Part of the owner's name.
 */
text: string, page: number, pageSize: number, };

export type PledgeCounts = { total: number, draft: number, published: number, overdue: number, completed: number, notCompleted: number, };

export type PledgePage = { 
/**
 * Rows matching the query (all pages).
 */
total: number, rows: Array<PledgeRow>, 
/**
 * By status, for the scope and year, whatever the status filter.
 */
counts: PledgeCounts, };

export type ItemInput = { content: string, measures: string, owner: string, 
/**
 * Empty while undecided; required before publishing.
 */
deadline: string, };

export type PledgeInput = { 
/**
 * Exactly one of member and organization.
 */
memberId: number | null, orgId: number | null, year: number, pledgedOn: string, items: Array<ItemInput>, 
/**
 * The version the form opened (the record's `version`); a save over a later change is refused.
 */
version: number | null, };

export type CopySummary = { created: number, 
/**
 * Owners who already have a pledge for the new year.
 */
existing: number, 
/**
 * Members no longer on the roll, or organizations deleted.
 */
inactive: number, };

export type ProgressInput = { pledgeId: number, 
/**
 * The item the entry is about; empty for the pledge as a whole.
 */
itemId: number | null, enteredOn: string, text: string, 
/**
 * The entry completes its item.
 */
itemDone: boolean, };

export type CloseInput = { pledgeId: number, 
/**
 * `completed` or `not_completed`.
 */
outcome: PledgeStatus | null, closedOn: string, };

export type AppraisalInput = { pledgeId: number, appraiser: Appraiser | null, rating: Rating | null, comment: string, appraisedOn: string, };

export type PrintKind = "pledge_cards" | "boards" | "badges" | "desk_signs" | "zone_signs" | "notice" | "schedule" | "deputy_passes";

export type Paper = "A4" | "A3" | "A6" | "A5";

export type Selection = { orgId: number | null, category: Category | null, 
/**
 * When not empty, only these members (or zones, for zone signs).
 */
ids: Array<number>, 
/**
 * The roster's current filter: the members it finds (used instead of the fields above).
 */
query: MemberQuery | null, };

export type PrintOptions = { kind: PrintKind, selection: Selection, 
/**
 * The pledge year; this year when empty.
 */
year: number | null, paper: Paper, cropMarks: boolean, 
/**
 * The 服务安排 sheet's month ("2026-12"); this month when empty.
 */
month: string | null, };

export type PrintSummary = { items: number, sheets: number, bytes: number, };

export type PrintSettings = { cardTitle: string, vanguardTitle: string, modelTitle: string, badgeTitle: string, zoneTitle: string, noticeTitle: string, 
/**
 * The line naming who issues the item, e.g. 中共江川县委组织部监制.
 */
issuer: string, 
/**
 * 监督电话.
 */
phone: string, 
/**
 * Whether emblem artwork has been supplied.
 */
hasEmblem: boolean, };

export type PrintProgress = { done: number, total: number, };

export type PrintSaved = { path: string, summary: PrintSummary, };

export type PrintSent = { 
/**
 * The printer's name when the system told it (CUPS does; the Windows verb does not).
 */
printer: string | null, 
/**
 * The paper the sheets need: A4 or A3.
 */
paper: Paper, sheets: number, items: number, };

export type FontLicence = { name: string, useFor: string, licence: string, copyright: string, };

export type AboutInfo = { version: string, 
/**
 * The latest migration applied to the database.
 */
schemaVersion: number, system: string, dataDir: string, logDir: string, 
/**
 * The database file with its write-ahead log, in bytes.
 */
databaseBytes: number, counts: Array<LabeledCount>, fonts: Array<FontLicence>, };

export type Folder = "data" | "logs";

export type DiagnosticsSaved = { path: string, logs: number, };

export type SupportKind = "funds" | "facilities" | "activity" | "other";

export type Pairing = { id: number, unitId: number, unitName: string, communityId: number, communityName: string, startOn: string, endOn: string | null, signedOn: string | null, agreementUntil: string | null, agreement: string, 
/**
 * The original name of the scanned agreement, when one is kept.
 */
scanName: string | null, records: number, 
/**
 * Funds given under this pairing, in fen.
 */
fundsFen: number, 
/**
 * Still open, and its agreement ends within `limits::AGREEMENT_NOTICE_DAYS` of today.
 */
agreementEndingSoon: boolean, 
/**
 * The change log's position when this was read: the form sends it back with its save
 * (see `common::versions`).
 */
version: number, };

export type PairingInput = { unitId: number | null, communityId: number | null, startOn: string, signedOn: string, agreementUntil: string, agreement: string, };

export type SupportRecord = { id: number, pairingId: number, kind: SupportKind, givenOn: string, description: string, amountFen: number | null, 
/**
 * The change log's position when this was read: the form sends it back with its save
 * (see `common::versions`).
 */
version: number, };

export type SupportInput = { pairingId: number, kind: SupportKind | null, givenOn: string, description: string, 
/**
 * Yuan as typed ("450000", "45万"); required for funds.
 */
amount: string, 
/**
 * The version the form opened (the record's `version`); a save over a later change is refused.
 */
version: number | null, };

export type PairingStats = { pairings: number, communities: number, fundsFen: number, helpPairs: number, };

export type AgreementInput = { signedOn: string, agreementUntil: string, agreement: string, 
/**
 * The version the form opened (the record's `version`); a save over a later change is refused.
 */
version: number | null, };

export type LeaderLevel = "county" | "township";

export type VisitKind = "talk" | "visit" | "review";

export type DifficultyStatus = "open" | "in_progress" | "resolved" | "answered";

export type Leader = { id: number, name: string, level: LeaderLevel, title: string, phone: string, 
/**
 * The communities he is contact leader of now.
 */
communities: Array<LeaderCommunity>, 
/**
 * The change log's position when this was read: the form sends it back with its save
 * (see `common::versions`).
 */
version: number, };

export type LeaderCommunity = { communityId: number, communityName: string, startOn: string, };

export type LeaderInput = { name: string, level: LeaderLevel | null, title: string, phone: string, 
/**
 * The version the form opened (the record's `version`); a save over a later change is refused.
 */
version: number | null, };

export type Visit = { id: number, leaderId: number, leaderName: string, communityId: number, communityName: string, visitedOn: string, kind: VisitKind, participants: string, notes: string, difficulties: number, };

export type VisitInput = { leaderId: number | null, communityId: number | null, visitedOn: string, kind: VisitKind | null, participants: string, notes: string, 
/**
 * Difficulties residents raised in this visit, saved with it.
 */
difficulties: Array<DifficultyInput>, };

export type MissingVisit = { leaderId: number, leaderName: string, level: LeaderLevel, communityId: number, communityName: string, 
/**
 * The last visit before the month, if any.
 */
lastVisit: string | null, };

export type Difficulty = { id: number, communityId: number, communityName: string, visitId: number | null, raisedBy: string, content: string, responsible: string, status: DifficultyStatus, raisedOn: string, startedOn: string | null, resolvedOn: string | null, answeredOn: string | null, outcome: string, };

export type DifficultyInput = { raisedBy: string, content: string, responsible: string, };

export type AdvanceInput = { id: number, on: string, 
/**
 * What was done or answered (kept with the difficulty).
 */
outcome: string, };

export type DeputyRole = "party" | "npc" | "cppcc";

export type Deputy = { id: number, name: string, roles: Array<DeputyRole>, workUnit: string, phone: string, 
/**
 * Whether a photo is kept for the 工作证.
 */
hasPhoto: boolean, 
/**
 * Names of the communities paired with now.
 */
communities: Array<[number, string]>, 
/**
 * The change log's position when this was read: the form sends it back with its save
 * (see `common::versions`).
 */
version: number, };

export type DeputyInput = { name: string, roles: Array<DeputyRole>, workUnit: string, phone: string, 
/**
 * The version the form opened (the record's `version`); a save over a later change is refused.
 */
version: number | null, };

export type ReceptionPoint = { id: number, communityId: number, communityName: string, place: string, schedule: string, 
/**
 * Names of the deputies on duty, and their ids (for editing).
 */
onDuty: Array<string>, onDutyIds: Array<number>, 
/**
 * The change log's position when this was read: the form sends it back with its save
 * (see `common::versions`).
 */
version: number, };

export type ReceptionInput = { communityId: number | null, place: string, schedule: string, deputyIds: Array<number>, 
/**
 * The version the form opened (the record's `version`); a save over a later change is refused.
 */
version: number | null, };

export type DeputyVisit = { id: number, deputyName: string, communityName: string, visitedOn: string, notes: string, suggestions: number, };

export type DeputyVisitInput = { deputyId: number | null, communityId: number | null, visitedOn: string, notes: string, 
/**
 * (who raised it, what) for each opinion or suggestion received.
 */
suggestions: Array<SuggestionInput>, };

export type SuggestionInput = { raisedBy: string, content: string, };

export type Suggestion = { id: number, communityName: string, deputyName: string, raisedBy: string, content: string, raisedOn: string, repliedOn: string | null, reply: string, };

export type MissingDeputyVisit = { deputyId: number, deputyName: string, communityId: number, communityName: string, lastVisit: string | null, };

export type Reminder = { 
/**
 * A stable key: leader_visits, deputy_visits, difficulties, suggestions, agreements, schedule,
 * pledges.
 */
key: string, title: string, count: number, 
/**
 * A few examples, for the line under the title.
 */
examples: Array<string>, 
/**
 * The page to act on.
 */
route: string, };

export type ParticipantKind = "member" | "league" | "other";

export type Activity = { id: number, communityId: number, communityName: string, heldOn: string, organizer: string, serviceType: string, place: string, peopleServed: number, participants: number, 
/**
 * Hours of all participants, in tenths.
 */
hoursTenths: number, 
/**
 * The change log's position when this was read: the form sends it back with its save
 * (see `common::versions`).
 */
version: number, };

export type ActivityInput = { communityId: number | null, heldOn: string, organizer: string, serviceType: string, place: string, peopleServed: number, participants: Array<ParticipantInput>, 
/**
 * The version the form opened (the record's `version`); a save over a later change is refused.
 */
version: number | null, };

export type ParticipantInput = { 
/**
 * A member on the roll; empty for others (then `name` is required).
 */
memberId: number | null, name: string, kind: ParticipantKind | null, 
/**
 * Hours as typed: "2", "2.5".
 */
hours: string, };

export type MemberHours = { memberId: number, name: string, orgName: string, activities: number, hoursTenths: number, };

export type Participant = { memberId: number | null, name: string, kind: ParticipantKind, hoursTenths: number, };

export type DiaryEntry = { id: number, leaderName: string, communityName: string, writtenOn: string, text: string, 
/**
 * The change log's position when this was read: the form sends it back with its save
 * (see `common::versions`).
 */
version: number, };

export type HelpPair = { id: number, communityId: number, communityName: string, cadre: string, cadreTitle: string, helped: string, startOn: string, 
/**
 * When the pair ended (the help is no longer needed); `None` while current.
 */
endOn: string | null, records: number, lastRecord: string | null, };

export type HelpPairInput = { communityId: number | null, cadre: string, cadreTitle: string, helped: string, startOn: string, };

export type HelpRecord = { id: number, helpedOn: string, text: string, };

export type ChangeKind = "member_added" | "member_changed" | "identity" | "post" | "pledge" | "progress" | "support" | "leader_visit" | "difficulty" | "deputy_visit" | "reply" | "volunteering";

export type Change = { kind: ChangeKind, 
/**
 * When (the latest record of the batch), UTC RFC 3339; the window shows local time.
 */
at: string, 
/**
 * The sentence shown, in Chinese.
 */
text: string, count: number, };

export type RecordKind = "organizations" | "members" | "identity_marks" | "posts" | "post_assignments" | "zones" | "zone_items" | "pledges" | "pledge_items" | "pledge_progress" | "pledge_evidence" | "pledge_appraisals" | "pairings" | "support_records" | "help_pairs" | "help_records" | "contact_leaders" | "leader_communities" | "leader_visits" | "diary_entries" | "difficulties" | "deputies" | "deputy_communities" | "reception_points" | "deputy_visits" | "suggestions" | "volunteer_activities" | "volunteer_participants" | "binned_files" | "org_responsibilities" | "schedule_entries" | "schedule_fulfilments";

export type RecordArea = "roster" | "identity" | "duties" | "pledges" | "pairings" | "leaders" | "deputies" | "volunteering" | "schedule";

export type HistoryAction = "create" | "update" | "delete" | "restore";

export type HistoryFilter = { 
/**
 * From this local day, inclusive.
 */
from: string | null, 
/**
 * Up to this local day, inclusive.
 */
to: string | null, area: RecordArea | null, 
/**
 * Only what concerns this member (their record and everything recorded against them).
 */
memberId: number | null, offset: number, limit: number, };

export type FieldChange = { field: string, before: string, after: string, };

export type HistoryEntry = { id: number, 
/**
 * UTC RFC 3339; the window shows local time.
 */
at: string, operator: string, kind: RecordKind, action: HistoryAction, 
/**
 * What the record is, in words: "李明", "大街社区党总支 · 第一网格".
 */
subject: string, changes: Array<FieldChange>, };

export type HistoryPage = { total: number, entries: Array<HistoryEntry>, };

export type BinEntry = { kind: RecordKind, id: number, 
/**
 * UTC RFC 3339; the window shows local time.
 */
deletedAt: string, subject: string, 
/**
 * Records deleted with it, restored with it.
 */
with: number, };

export type BinKey = { kind: RecordKind, id: number, };

export type BinEmptied = { 
/**
 * The records in the bin.
 */
deleted: number, 
/**
 * Everything removed with them: their own records too, and what pointed to them.
 */
records: number, files: number, };

export type AgeBand = "to_35" | "36_45" | "46_55" | "56_60" | "over_60";

export type Responsibility = "first" | "direct" | "specific";

export type ShortfallKind = "no_pairing" | "leader_visits" | "deputy_visits" | "overdue_pledges" | "stale_difficulties";

export type ReviewScope = { 
/**
 * The organization counted with everything under it; `None` is the whole database.
 */
orgId: number | null, 
/**
 * Its name, or the county's (the tree's root) for the whole database.
 */
orgName: string, orgKind: OrgKind | null, 
/**
 * The period as `Period` writes it: `2026`, `2026-Q4`, `2026-11`, `2026-03-01~2026-06-30`.
 */
period: string, 
/**
 * The period in words: 2026年, 2026年第四季度, 2026年11月, 2026年3月1日至6月30日.
 */
periodLabel: string, first: string, last: string, 
/**
 * The day standing figures are taken at: the period's last day, or today while it runs.
 */
asOf: string, };

export type Share = { count: number, of: number, };

export type MemberFigures = { 
/**
 * On the roll (在册) at `as_of`.
 */
onRoll: number, byCategory: Array<LabeledCount>, byGender: Array<LabeledCount>, 
/**
 * 民族, most members first.
 */
byEthnicity: Array<LabeledCount>, byAge: Array<LabeledCount>, 
/**
 * Joined the party within the period.
 */
joined: number, 
/**
 * Transferred out (转出) within the period.
 */
transferred: number, 
/**
 * Died within the period.
 */
deceased: number, };

export type IdentityFigures = { 
/**
 * Members on the roll who have shown identity by any mark, of those on the roll.
 */
shown: Share, 
/**
 * Members on the roll per mark they have shown.
 */
byMark: Array<LabeledCount>, 
/**
 * Members who showed identity for the first time within the period.
 */
firstShown: number, };

export type PostFigures = { 
/**
 * Service posts of the communities.
 */
posts: number, 
/**
 * Members on the roll holding a post, of those on the roll.
 */
withPost: Share, 
/**
 * 认岗定责: chosen by in-service members.
 */
claimed: number, 
/**
 * 设岗定责: set for members without a post.
 */
assigned: number, };

export type ZoneFigures = { zones: number, 
/**
 * Lanes, buildings and households with a member answering for them, of all of them.
 */
coveredItems: Share, 
/**
 * Members answering for at least one item.
 */
members: number, };

export type Appraisals = { appraiser: LabeledCount, 
/**
 * 满意 / 基本满意 / 不满意.
 */
ratings: Array<LabeledCount>, };

export type PledgeFigures = { 
/**
 * Pledges of the period's years made by `as_of`, members' and organizations' together.
 */
made: number, byMembers: number, byOrganizations: number, published: number, completed: number, notCompleted: number, 
/**
 * Published, not closed, with an item past its deadline and not done, at `as_of`.
 */
overdue: number, 
/**
 * Published and neither closed nor overdue.
 */
inProgress: number, 
/**
 * Not yet published at `as_of`.
 */
drafts: number, 
/**
 * Per appraising party (党组织 / 党员 / 群众), the ratings given by `as_of`.
 */
appraisals: Array<Appraisals>, };

export type UnitFunds = { unit: string, fen: number, };

export type SupportByKind = { code: string, label: string, count: number, fen: number, };

export type PairingFigures = { 
/**
 * Unit–community pairings (单位共建对子) in force at `as_of`.
 */
pairings: number, 
/**
 * Communities with at least one of them.
 */
communitiesPaired: number, 
/**
 * Of the pairings, those with a signed agreement in force at `as_of`.
 */
agreements: number, 
/**
 * Agreements in force whose term ends within the notice days after `as_of`.
 */
agreementsEnding: number, 
/**
 * Support given within the period, per kind: records and the amounts written on them.
 */
support: Array<SupportByKind>, 
/**
 * Funds given within the period, in fen.
 */
fundsFen: number, 
/**
 * Funds given within the period per unit, largest first.
 */
fundsByUnit: Array<UnitFunds>, 
/**
 * 党员领导干部帮扶对子 in force at `as_of`.
 */
helpPairs: number, 
/**
 * Help given to them within the period (records).
 */
helpRecords: number, };

export type Compliance = { 
/**
 * `2026-11` or `2026-Q4`.
 */
period: string, 
/**
 * Pairs owed a visit, and of them those visited.
 */
visited: Share, 
/**
 * False for the month or quarter still running at `as_of`.
 */
complete: boolean, };

export type LeaderFigures = { 
/**
 * Contact leaders with a community of the scope at `as_of`, per level.
 */
leaders: Array<LabeledCount>, 
/**
 * Leader–community pairs in force at `as_of`.
 */
pairs: number, 
/**
 * Visits within the period, per kind (民情恳谈 / 走访 / 点评).
 */
visits: Array<LabeledCount>, 
/**
 * The monthly rule, month by month.
 */
months: Array<Compliance>, 
/**
 * The months together.
 */
compliance: Share, 
/**
 * 民情日记 written within the period.
 */
diaries: number, };

export type DifficultyFigures = { 
/**
 * Raised within the period.
 */
raised: number, 
/**
 * Resolved within the period.
 */
resolved: number, 
/**
 * Answered back to the resident (反馈) within the period.
 */
answered: number, 
/**
 * Not yet answered at `as_of`.
 */
open: number, 
/**
 * Median days from raised to answered, of those answered within the period.
 */
medianDaysToClose: number | null, 
/**
 * Raised and answered, month by month: (`2026-11`, raised, answered).
 */
months: Array<MonthFlow>, };

export type MonthFlow = { month: string, raised: number, answered: number, };

export type DeputyFigures = { 
/**
 * Deputies paired with a community of the scope at `as_of`, per role (one person may hold several).
 */
byRole: Array<LabeledCount>, 
/**
 * Those deputies, each once.
 */
deputies: number, 
/**
 * Deputy–community pairs in force at `as_of`.
 */
pairs: number, receptionPoints: number, 
/**
 * Visits within the period.
 */
visits: number, 
/**
 * The quarterly rule, quarter by quarter.
 */
quarters: Array<Compliance>, compliance: Share, 
/**
 * Suggestions raised within the period.
 */
suggestions: number, 
/**
 * Suggestions answered within the period.
 */
answered: number, 
/**
 * Suggestions not yet answered at `as_of`.
 */
open: number, };

export type VolunteerFigures = { 
/**
 * Activities held within the period.
 */
activities: number, 
/**
 * Places taken in them (one person in two activities counts twice).
 */
participants: number, 
/**
 * Members taking part, each once.
 */
members: number, 
/**
 * Members' hours, in tenths of an hour.
 */
memberHoursTenths: number, 
/**
 * Everyone's hours, in tenths of an hour.
 */
hoursTenths: number, peopleServed: number, 
/**
 * Activities per service type, most first.
 */
byService: Array<LabeledCount>, };

export type ResponsibilityChain = { first: string | null, direct: string | null, specific: string | null, 
/**
 * Contact leaders of the communities in scope at `as_of`: "name（title）".
 */
guiding: Array<string>, };

export type Shortfall = { code: string, label: string, count: number, };

export type CommunityRow = { orgId: number, name: string, 
/**
 * The township (street) it belongs to.
 */
township: string, onRoll: number, shown: Share, withPost: Share, pledges: number, pledgesCompleted: number, pledgesOverdue: number, pairings: number, fundsFen: number, leaderVisits: Share, deputyVisits: Share, difficultiesOpen: number, volunteerActivities: number, shortfalls: Array<Shortfall>, };

export type Statistics = { scope: ReviewScope, members: MemberFigures, identity: IdentityFigures, posts: PostFigures, zones: ZoneFigures, pledges: PledgeFigures, pairings: PairingFigures, leaders: LeaderFigures, difficulties: DifficultyFigures, deputies: DeputyFigures, volunteering: VolunteerFigures, schedule: ScheduleFigures, responsibility: ResponsibilityChain, 
/**
 * One row per community in scope, in the tree's order.
 */
communities: Array<CommunityRow>, 
/**
 * The figures sentence, ready to paste.
 */
sentence: string, };

export type ScheduleFigures = { planned: number, done: number, missed: number, 
/**
 * Per 服务方, in the vocabulary's order.
 */
byKind: Array<PlanCount>, };

export type PlanCount = { code: string, label: string, planned: number, done: number, missed: number, };

export type ResponsiblePerson = { orgId: number, role: Responsibility, 
/**
 * Name and title as typed, e.g. "王建国（县委书记）"; empty when nobody is recorded.
 */
person: string, };

export type LedgerSummary = { 
/**
 * The organization and period, as the sheets' titles name them.
 */
title: string, sheets: number, 
/**
 * Data rows over all sheets.
 */
rows: number, };

export type ReportSummary = { title: string, pages: number, };

export type ExchangeSummary = { 
/**
 * The exported organization, with those above it.
 */
source: string, members: number, records: number, personalData: boolean, };

export type ImportStatus = "imported" | "replaced" | "unchanged";

export type Imported = { file: string, source: string, exportedAt: string, status: ImportStatus, members: number, records: number, };

export type ImportedOrg = { orgId: number, name: string, 
/**
 * Where it came from: its organizations from the top in the sender's tree.
 */
source: string, exportedAt: string, importedAt: string, personalData: boolean, 
/**
 * Members on the roll in it now.
 */
members: number, };

export type Shift = "morning" | "afternoon" | "all_day" | "hours";

export type PlanWho = "unit" | "leader" | "deputy" | "team" | "members";

export type PlanStatus = "done" | "due" | "missed" | "cancelled";

export type ClashKind = "deputy_twice" | "point_twice" | "leader_unplanned";

export type PlanEntry = { id: number, communityId: number, communityName: string, onDate: string, 
/**
 * 周二.
 */
weekday: string, shift: Shift, 
/**
 * "09:00" and "11:30" for a time range.
 */
startsAt: string | null, endsAt: string | null, 
/**
 * 上午, 全天 or 09:00–11:30.
 */
timeLabel: string, receptionPointId: number | null, 
/**
 * The reception point's place, or the place typed.
 */
place: string, whoKind: PlanWho, 
/**
 * The unit, leader or deputy planned; none for a team or members typed.
 */
whoId: number | null, who: string, service: string, 
/**
 * The series of a repeating entry and its rule in words (每周二).
 */
series: string | null, repeatLabel: string | null, 
/**
 * The date the rule gave, when this date was moved.
 */
movedFrom: string | null, status: PlanStatus, 
/**
 * The record that fulfilled it: its kind, id and date.
 */
fulfilledBy: PlanRecord | null, 
/**
 * The change log's position when this was read (see `common::versions`).
 */
version: number, };

export type PlanInput = { communityId: number | null, 
/**
 * The date; for a repeating entry, the first date it may fall on (its month is planned).
 */
onDate: string, shift: Shift | null, startsAt: string, endsAt: string, receptionPointId: number | null, place: string, whoKind: PlanWho | null, whoId: number | null, whoName: string, service: string, 
/**
 * A rule (`weekly:2`, `nth:1:6`, `day:15`) to plan every date of the month it gives; empty
 * for one date. Ignored when correcting one date of a series.
 */
repeat: string, 
/**
 * The version the form opened (the entry's `version`); a save over a later change is refused.
 */
version: number | null, };

export type PlanRecord = { 
/**
 * `leader_visits`, `deputy_visits`, `volunteer_activities` or `support_records`.
 */
kind: RecordKind, id: number, onDate: string, 
/**
 * 12月8日 王建国 走访 / 12月8日 县医院 义务诊疗.
 */
label: string, };

export type Clash = { code: string, label: string, onDate: string | null, entryIds: Array<number>, 
/**
 * In words: 12月8日上午，李华同时安排在大街社区接待点和河咀社区接待点.
 */
detail: string, };

export type MonthPlan = { 
/**
 * 2026-12.
 */
month: string, 
/**
 * 2026年12月.
 */
monthLabel: string, entries: Array<PlanEntry>, clashes: Array<Clash>, 
/**
 * Entries by status, in the vocabulary's order.
 */
byStatus: Array<LabeledCount>, };

export type CopyOutcome = { created: number, 
/**
 * Dates already in this month's plan, left as they were.
 */
skipped: number, };

/** Limits and day rules, named once in src-tauri/common/limits.rs. */
export const LIMITS = {
  NAME: 20,
  OPERATOR: 20,
  PHONE: 20,
  ID_NUMBER: 18,
  ADDRESS: 100,
  MEMBER_WORK_UNIT: 50,
  DEPUTY_WORK_UNIT: 60,
  MEMBER_NOTES: 500,
  JOB_TITLE: 40,
  PERSON: 40,
  ORG_NAME: 40,
  POST_NAME: 30,
  POST_DUTIES: 500,
  POST_CAPACITY: 200,
  ZONE_NAME: 30,
  ZONE_ITEM_NAME: 40,
  MARK_PLACE: 30,
  PLEDGE_ITEMS: 20,
  PLEDGE_CONTENT: 200,
  PLEDGE_CONTENT_MIN: 8,
  PLEDGE_MEASURES: 300,
  PLEDGE_OWNER: 30,
  PROGRESS_TEXT: 500,
  APPRAISAL_COMMENT: 200,
  AGREEMENT: 1000,
  RECORD_TEXT: 500,
  LONG_NOTES: 2000,
  PARTICIPANTS: 200,
  PLACE: 60,
  SCHEDULE: 100,
  HELPED: 60,
  ACTIVITY_LABEL: 40,
  PRINT_TITLE: 20,
  NOTICE_TITLE: 30,
  PRINT_FOOTER: 40,
  STALE_DAYS: 30,
  AGREEMENT_NOTICE_DAYS: 60,
  RECENT_CHANGE_DAYS: 30,
  PAGE_SIZE_MAX: 200,
} as const

/** The field a save over a record changed since its form opened is refused on (common/versions.rs). */
export const STALE_FIELD = "version"
