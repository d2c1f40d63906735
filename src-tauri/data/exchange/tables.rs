//! What an exchange file carries, table by table in the order they are written back: the
//! organization each record belongs to (as SQL over the row `{r}`), so one definition selects a
//! subtree's records for export, removes them before a newer file replaces them, and guards
//! imported records against edits. Shared records (the units paired with a community, its contact
//! leaders and deputies) travel as references: added when missing, never replaced.

/// A table of the exchange.
pub struct Spec {
    pub table: &'static str,
    /// The organization a row belongs to, over the row `{r}`; `None` for shared records only.
    pub owner: Option<&'static str>,
    /// Rows outside the subtree the subtree's rows refer to (`?1` is the subtree's root).
    pub shared: Option<&'static str>,
}

const PLEDGE_OWNER: &str =
    "(SELECT COALESCE(p.org_id, (SELECT org_id FROM members WHERE id = p.member_id)) FROM pledges p WHERE p.id = {r}.pledge_id)";

/// Every table of the data but the files' (evidence, photos and scans stay where they are), the
/// logs and the settings, parents before children.
pub const SPECS: &[Spec] = &[
    Spec {
        table: "organizations",
        owner: Some("{r}.id"),
        shared: Some("id IN (SELECT unit_id FROM pairings WHERE community_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))"),
    },
    Spec { table: "members", owner: Some("{r}.org_id"), shared: None },
    Spec { table: "identity_marks", owner: Some("(SELECT org_id FROM members WHERE id = {r}.member_id)"), shared: None },
    Spec { table: "posts", owner: Some("{r}.community_id"), shared: None },
    Spec { table: "post_assignments", owner: Some("(SELECT community_id FROM posts WHERE id = {r}.post_id)"), shared: None },
    Spec { table: "zones", owner: Some("{r}.community_id"), shared: None },
    Spec { table: "zone_items", owner: Some("(SELECT community_id FROM zones WHERE id = {r}.zone_id)"), shared: None },
    Spec {
        table: "pledges",
        owner: Some("COALESCE({r}.org_id, (SELECT org_id FROM members WHERE id = {r}.member_id))"),
        shared: None,
    },
    Spec { table: "pledge_items", owner: Some(PLEDGE_OWNER), shared: None },
    Spec { table: "pledge_progress", owner: Some(PLEDGE_OWNER), shared: None },
    Spec { table: "pledge_appraisals", owner: Some(PLEDGE_OWNER), shared: None },
    Spec { table: "pairings", owner: Some("{r}.community_id"), shared: None },
    Spec {
        table: "support_records",
        owner: Some("(SELECT community_id FROM pairings WHERE id = {r}.pairing_id)"),
        shared: None,
    },
    Spec { table: "help_pairs", owner: Some("{r}.community_id"), shared: None },
    Spec {
        table: "help_records",
        owner: Some("(SELECT community_id FROM help_pairs WHERE id = {r}.help_pair_id)"),
        shared: None,
    },
    Spec {
        table: "contact_leaders",
        owner: None,
        shared: Some(
            "id IN (SELECT leader_id FROM leader_communities WHERE community_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1)
                    UNION SELECT leader_id FROM leader_visits WHERE community_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1)
                    UNION SELECT leader_id FROM diary_entries WHERE community_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))",
        ),
    },
    Spec { table: "leader_communities", owner: Some("{r}.community_id"), shared: None },
    Spec { table: "leader_visits", owner: Some("{r}.community_id"), shared: None },
    Spec { table: "diary_entries", owner: Some("{r}.community_id"), shared: None },
    Spec { table: "difficulties", owner: Some("{r}.community_id"), shared: None },
    Spec {
        table: "deputies",
        owner: None,
        shared: Some(
            "id IN (SELECT deputy_id FROM deputy_communities WHERE community_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1)
                    UNION SELECT deputy_id FROM deputy_visits WHERE community_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))",
        ),
    },
    Spec { table: "deputy_communities", owner: Some("{r}.community_id"), shared: None },
    Spec { table: "reception_points", owner: Some("{r}.community_id"), shared: None },
    Spec { table: "deputy_visits", owner: Some("{r}.community_id"), shared: None },
    Spec { table: "suggestions", owner: Some("{r}.community_id"), shared: None },
    Spec { table: "volunteer_activities", owner: Some("{r}.community_id"), shared: None },
    Spec {
        table: "volunteer_participants",
        owner: Some("(SELECT community_id FROM volunteer_activities WHERE id = {r}.activity_id)"),
        shared: None,
    },
    Spec { table: "org_responsibilities", owner: Some("{r}.org_id"), shared: None },
    Spec { table: "schedule_entries", owner: Some("{r}.community_id"), shared: None },
    Spec {
        table: "schedule_fulfilments",
        owner: Some("(SELECT community_id FROM schedule_entries WHERE id = {r}.entry_id)"),
        shared: None,
    },
];

/// Personal data: written only when the sender ticks the box (else empty).
pub const PERSONAL: &[(&str, &str)] =
    &[("members", "id_number"), ("members", "phone"), ("contact_leaders", "phone"), ("deputies", "phone")];

/// Columns naming files of the sender's data folder, which do not travel.
pub const FILES: &[(&str, &str)] =
    &[("members", "photo"), ("deputies", "photo"), ("pairings", "scan_file"), ("pairings", "scan_name")];

/// Columns derived on the receiving side.
pub const DERIVED: &[(&str, &str)] = &[("organizations", "path")];

/// A column holding a comma-separated list of ids of another table.
pub const ID_LISTS: &[(&str, &str, &str)] = &[("reception_points", "on_duty", "deputies")];

impl Spec {
    /// The owner expression over a row named `row`.
    pub fn owner_of(&self, row: &str) -> Option<String> {
        self.owner.map(|o| o.replace("{r}", row))
    }
}

pub fn spec(table: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.table == table)
}
