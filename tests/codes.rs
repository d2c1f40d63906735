//! The codes stored in SQLite and the catalog's vocabularies are one list: every CHECK in the
//! migrated schema names exactly a vocabulary's codes, and a code the catalog does not know is
//! an error when read, never a default.

use std::collections::BTreeSet;

use sanliang::common::catalog::{
    Appraiser, BinnedFileKind, Category, DifficultyStatus, Gender, HistoryAction, LeaderLevel, MarkType, MemberStatus,
    OrgKind, ParticipantKind, PlanWho, PledgeStatus, PostHow, PostKind, Rating, Responsibility, Shift, SupportKind,
    UnitKind, VisitKind, ZoneItemKind,
};
use sanliang::error::ErrorKind;
use sanliang::roster::members;

use crate::orgs::small_tree;
use crate::support;

macro_rules! codes {
    ($t:ty) => {
        <$t>::ALL.iter().map(|v| v.code().to_owned()).collect::<BTreeSet<String>>()
    };
}

/// Which vocabulary each coded column holds. A new coded column must be added here, or the
/// test below fails naming it.
fn vocabulary_of(table: &str, column: &str) -> Option<BTreeSet<String>> {
    Some(match (table, column) {
        ("organizations", "kind") => codes!(OrgKind),
        ("organizations", "unit_kind") => codes!(UnitKind),
        ("members", "gender") => codes!(Gender),
        ("members", "category") => codes!(Category),
        ("members", "status") => codes!(MemberStatus),
        ("identity_marks", "mark_type") => codes!(MarkType),
        ("posts", "kind") => codes!(PostKind),
        ("post_assignments", "how") => codes!(PostHow),
        ("zone_items", "kind") => codes!(ZoneItemKind),
        ("pledges", "status") => {
            // `overdue` is judged on the day, never stored.
            codes!(PledgeStatus).into_iter().filter(|c| c != PledgeStatus::Overdue.code()).collect()
        }
        ("pledge_appraisals", "appraiser") => codes!(Appraiser),
        ("pledge_appraisals", "rating") => codes!(Rating),
        ("support_records", "kind") => codes!(SupportKind),
        ("contact_leaders", "level") => codes!(LeaderLevel),
        ("leader_visits", "kind") => codes!(VisitKind),
        ("difficulties", "status") => codes!(DifficultyStatus),
        ("volunteer_participants", "kind") => codes!(ParticipantKind),
        ("change_log", "action") => codes!(HistoryAction),
        ("binned_files", "kind") => codes!(BinnedFileKind),
        ("org_responsibilities", "role") => codes!(Responsibility),
        ("schedule_entries", "shift") => codes!(Shift),
        ("schedule_entries", "who_kind") => codes!(PlanWho),
        _ => return None,
    })
}

/// `(column, codes)` of every `CHECK (col IN ('a', …))` or `CHECK (col IS NULL OR col IN (…))`.
fn check_lists(sql: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for part in sql.split("CHECK").skip(1) {
        let body = part.trim_start().trim_start_matches('(');
        let Some((head, rest)) = body.split_once(" IN (") else { continue };
        let column = head.rsplit(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or_default();
        let Some((list, _)) = rest.split_once(')') else { continue };
        let codes = list.split(',').map(|c| c.trim().trim_matches('\'').to_owned()).collect();
        out.push((column.to_owned(), codes));
    }
    out
}

#[tokio::test]
async fn every_check_list_in_the_schema_is_a_vocabulary_of_the_catalog() {
    let t = support::fresh().await;
    let tables: Vec<(String, String)> =
        sqlx::query_as("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
            .fetch_all(&t.pool)
            .await
            .unwrap();
    let mut seen = 0;
    for (table, sql) in &tables {
        for (column, codes) in check_lists(sql) {
            let known = vocabulary_of(table, &column)
                .unwrap_or_else(|| panic!("{table}.{column} has a CHECK list no catalog vocabulary is tied to"));
            assert_eq!(codes, known, "{table}.{column}: the CHECK list and the catalog disagree");
            seen += 1;
        }
    }
    // Counted by hand from migrations/: 22 coded columns.
    assert_eq!(seen, 22, "a CHECK list was not found where one was expected");
}

#[tokio::test]
async fn a_code_this_version_does_not_know_is_an_error_not_a_default() {
    let t = support::fresh().await;
    let [_, _, _, branch, _] = small_tree(&t.pool).await;
    let input = members::MemberInput {
        org_id: Some(branch.id),
        name: "张三".into(),
        gender: Some(Gender::Male),
        ethnicity: "汉族".into(),
        birth_date: "1980-01-01".into(),
        joined_on: "2005-07-01".into(),
        category: Some(Category::InService),
        ..Default::default()
    };
    let m = members::create(&t.pool, &input, support::today()).await.unwrap();
    // A file written by a newer version (or damaged) holds a code this one does not know.
    let mut conn = t.pool.acquire().await.unwrap();
    sqlx::query("PRAGMA ignore_check_constraints = ON").execute(&mut *conn).await.unwrap();
    sqlx::query("UPDATE members SET gender = 'unknown' WHERE id = ?1").bind(m.id).execute(&mut *conn).await.unwrap();
    sqlx::query("PRAGMA ignore_check_constraints = OFF").execute(&mut *conn).await.unwrap();
    drop(conn);
    let err = members::get(&t.pool, m.id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Storage);
    assert!(err.to_string().contains("unknown Gender code \"unknown\""), "{err}");
    let err = members::search(&t.pool, &members::MemberQuery { page: 1, page_size: 20, ..Default::default() })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Storage, "lists refuse it too: {err}");
}
